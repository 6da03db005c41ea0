(** * Phase transition in the synthetic amount: P1 and P2
    (theory.md section 3).  Learning error model eps(N) = b N^(-alpha). *)

From Coq Require Import Reals Ranalysis5 Lra Lia.
From Coquelicot Require Import Coquelicot.
From Loopbound Require Import TV Propagation.
Open Scope R_scope.

(** ** Auxiliary facts on [Rpower] *)

Lemma Rpower_pos x y : 0 < Rpower x y.
Proof. unfold Rpower. apply exp_pos. Qed.

Lemma Rpower_lt_iff x y c : 0 < c -> 0 < x -> 0 < y ->
  (x < y <-> Rpower x c < Rpower y c).
Proof.
  intros Hc Hx Hy. split; intros H.
  - apply Rlt_Rpower_l; lra.
  - destruct (Rlt_or_le x y) as [Hlt|Hle]; [exact Hlt|].
    assert (Rpower y c <= Rpower x c) by (apply Rle_Rpower_l; lra). lra.
Qed.

Lemma Rpower_inv_pow x c : 0 < x -> c <> 0 -> Rpower (Rpower x (/ c)) c = x.
Proof.
  intros Hx Hc. rewrite Rpower_mult. rewrite Rinv_l by exact Hc. apply Rpower_1. exact Hx.
Qed.

(** N^(-a-1) = N^(-a) / N *)
Lemma Rpower_minus_one N a : 0 < N -> Rpower N (- a - 1) = Rpower N (- a) / N.
Proof.
  intros HN. unfold Rpower.
  replace ((- a - 1) * ln N) with (- a * ln N + - ln N) by ring.
  rewrite exp_plus, exp_Ropp, exp_ln by exact HN. reflexivity.
Qed.

(** N^(1-a) = N^(-a-1) * N^2 *)
Lemma Rpower_one_minus N a : 0 < N -> Rpower N (1 - a) = Rpower N (- a - 1) * N ^ 2.
Proof.
  intros HN. unfold Rpower.
  replace ((1 - a) * ln N) with ((- a - 1) * ln N + ln N + ln N) by ring.
  rewrite !exp_plus, exp_ln by exact HN. ring.
Qed.

(** r = r^a * r^(1-a) *)
Lemma Rpower_split N a : 0 < N -> N = Rpower N a * Rpower N (1 - a).
Proof.
  intros HN. rewrite <- Rpower_plus. replace (a + (1 - a)) with 1 by ring.
  symmetry. apply Rpower_1. exact HN.
Qed.

(** ** P1: one step with inherited error e *)

Section P1.

Variables (e r b a : R).

(** f(s) = e s/(r+s) + b (r+s)^(-a) *)
Definition P1_f (s : R) : R := e * s / (r + s) + b * Rpower (r + s) (- a).

(** f'(s) = e r / N^2 - a b N^(-a-1), N = r + s *)
Definition P1_df (s : R) : R := e * r / (r + s) ^ 2 - a * b * Rpower (r + s) (- a - 1).

(** N_star = (e r / (a b))^(1/(1-a)),  s_star = N_star - r *)
Definition P1_N_star : R := Rpower (e * r / (a * b)) (1 / (1 - a)).
Definition P1_s_star_val : R := P1_N_star - r.

Theorem P1_derivative s : 0 < r + s -> is_derive P1_f s (P1_df s).
Proof.
  intros HN. unfold P1_f, P1_df.
  rewrite Rpower_minus_one by exact HN. unfold Rpower.
  auto_derive.
  - repeat split; lra.
  - field. lra.
Qed.

Hypotheses (Ha : 0 < a < 1) (Hb : 0 < b) (He : 0 < e) (Hr : 0 < r).

Let K := e * r / (a * b).

Lemma K_pos : 0 < K.
Proof. unfold K. apply Rdiv_lt_0_compat; nra. Qed.

(** f'(s) = a b (K - N^(1-a)) / N^2 *)
Lemma P1_df_factor s : 0 < r + s ->
  P1_df s = a * b * (K - Rpower (r + s) (1 - a)) / (r + s) ^ 2.
Proof.
  intros HN. unfold P1_df, K. rewrite (Rpower_one_minus (r + s) a HN).
  field. split; lra.
Qed.

Lemma P1_N_star_pow : Rpower P1_N_star (1 - a) = K.
Proof.
  unfold P1_N_star. fold K. replace (1 / (1 - a)) with (/ (1 - a)) by (field; lra).
  apply Rpower_inv_pow; [apply K_pos | lra].
Qed.

Lemma P1_N_star_pos : 0 < P1_N_star.
Proof. apply Rpower_pos. Qed.

Lemma P1_df_pos_general s : - r < s < P1_s_star_val -> 0 < P1_df s.
Proof.
  intros Hs. unfold P1_s_star_val in Hs.
  assert (HN : 0 < r + s) by lra.
  rewrite P1_df_factor by exact HN.
  assert (Rpower (r + s) (1 - a) < K).
  { pose proof P1_N_star_pos. rewrite <- P1_N_star_pow. apply Rpower_lt_iff; lra. }
  assert (0 < (r + s) ^ 2) by (apply pow_lt; exact HN).
  assert (0 < a * b * (K - Rpower (r + s) (1 - a))).
  { apply Rmult_lt_0_compat; [nra | lra]. }
  apply Rdiv_lt_0_compat; assumption.
Qed.

Lemma P1_df_neg_general s : P1_s_star_val < s -> P1_df s < 0.
Proof.
  intros Hs. unfold P1_s_star_val in Hs. pose proof P1_N_star_pos.
  assert (HN : 0 < r + s) by lra.
  rewrite P1_df_factor by exact HN.
  assert (K < Rpower (r + s) (1 - a)).
  { rewrite <- P1_N_star_pow. apply Rpower_lt_iff; try lra. }
  assert (0 < (r + s) ^ 2) by (apply pow_lt; exact HN).
  unfold Rdiv. assert (a * b * (K - Rpower (r + s) (1 - a)) < 0).
  { assert (0 < a * b) by nra. nra. }
  assert (0 < / (r + s) ^ 2) by (apply Rinv_0_lt_compat; assumption). nra.
Qed.

(** P1: f' > 0 on 0 <= s < s_star *)
Theorem P1_increasing s : 0 <= s < P1_s_star_val -> 0 < P1_df s.
Proof. intros Hs. apply P1_df_pos_general. lra. Qed.

(** P1: f' < 0 for s > s_star *)
Theorem P1_decreasing s : P1_s_star_val < s -> P1_df s < 0.
Proof. exact (P1_df_neg_general s). Qed.

(** P1: f'(s_star) = 0, s_star = (e r/(a b))^(1/(1-a)) - r *)
Theorem P1_s_star :
  P1_s_star_val = Rpower (e * r / (a * b)) (1 / (1 - a)) - r /\
  P1_df P1_s_star_val = 0.
Proof.
  split; [reflexivity|].
  pose proof P1_N_star_pos. unfold P1_s_star_val.
  rewrite P1_df_factor by lra. replace (r + (P1_N_star - r)) with P1_N_star by ring.
  rewrite P1_N_star_pow. unfold Rdiv. ring.
Qed.

(** P1: a real transition (s_star > 0) exists iff e r^a > a b. *)
Theorem P1_exists_iff : 0 < P1_s_star_val <-> e * Rpower r a > a * b.
Proof.
  unfold P1_s_star_val.
  pose proof P1_N_star_pos as HNs. pose proof K_pos as HK.
  assert (Hra : 0 < Rpower r (1 - a)) by apply Rpower_pos.
  assert (Hra' : 0 < Rpower r a) by apply Rpower_pos.
  assert (Hsplit := Rpower_split r a Hr).
  split; intros H.
  - assert (Hlt : r < P1_N_star) by lra.
    apply (Rpower_lt_iff _ _ (1 - a)) in Hlt; try lra.
    rewrite P1_N_star_pow in Hlt. unfold K in Hlt.
    (* r^(1-a) < e r / (a b)  ==>  a b r^(1-a) < e r = e r^a r^(1-a) *)
    assert (a * b * Rpower r (1 - a) < e * r).
    { assert (Hab : 0 < a * b) by nra.
      pose proof (Rmult_lt_compat_l (a * b) _ _ Hab Hlt) as H1.
      replace (a * b * (e * r / (a * b))) with (e * r) in H1
        by (field; repeat split; apply Rgt_not_eq; lra). exact H1. }
    set (u := Rpower r a) in *. set (v := Rpower r (1 - a)) in *.
    assert (e * r = e * u * v) by (rewrite Hsplit at 1; ring).
    nra.
  - assert (r < P1_N_star); [|lra].
    apply (Rpower_lt_iff _ _ (1 - a)); try lra.
    rewrite P1_N_star_pow. unfold K.
    apply Rmult_lt_reg_l with (a * b); [nra|].
    replace (a * b * (e * r / (a * b))) with (e * r)
      by (field; repeat split; apply Rgt_not_eq; lra).
    set (u := Rpower r a) in *. set (v := Rpower r (1 - a)) in *.
    assert (e * r = e * u * v) by (rewrite Hsplit at 1; ring).
    nra.
Qed.

(** f attains its maximum over s > -r (in particular over s >= 0) at s_star:
    f rises up to s_star and falls after it. *)
Lemma P1_f_continuous s : 0 < r + s -> continuity_pt P1_f s.
Proof.
  intros HN. apply derivable_continuous_pt.
  exists (P1_df s). apply is_derive_Reals. apply P1_derivative. exact HN.
Qed.

Theorem P1_peak s : - r < s -> P1_f s <= P1_f P1_s_star_val.
Proof.
  intros Hs. pose proof P1_N_star_pos as HNs.
  assert (Hss : - r < P1_s_star_val) by (unfold P1_s_star_val; lra).
  destruct (Rle_or_lt s P1_s_star_val) as [Hle|Hlt].
  - destruct (MVT_gen P1_f s P1_s_star_val P1_df) as [c [Hc Heq]].
    + intros x Hx. apply P1_derivative.
      rewrite Rmin_left in Hx by lra. lra.
    + intros x Hx. apply P1_f_continuous. rewrite Rmin_left in Hx by lra. lra.
    + rewrite Rmin_left, Rmax_right in Hc by lra.
      assert (0 <= P1_df c).
      { destruct (Req_dec c P1_s_star_val) as [->|Hne].
        - rewrite (proj2 P1_s_star). lra.
        - left. apply P1_df_pos_general. lra. }
      assert (0 <= P1_df c * (P1_s_star_val - s)) by (apply Rmult_le_pos; lra).
      lra.
  - destruct (MVT_gen P1_f P1_s_star_val s P1_df) as [c [Hc Heq]].
    + intros x Hx. apply P1_derivative.
      rewrite Rmin_left in Hx by lra. lra.
    + intros x Hx. apply P1_f_continuous. rewrite Rmin_left in Hx by lra. lra.
    + rewrite Rmin_left, Rmax_right in Hc by lra.
      assert (P1_df c <= 0).
      { destruct (Req_dec c P1_s_star_val) as [->|Hne].
        - rewrite (proj2 P1_s_star). lra.
        - left. apply P1_df_neg_general. lra. }
      assert (P1_df c * (s - P1_s_star_val) <= 0).
      { apply Rmult_le_0_r; lra. }
      lra.
Qed.

(** Strict monotonicity of f on both sides of s_star. *)
Theorem P1_f_increasing x y : - r < x -> x < y -> y < P1_s_star_val -> P1_f x < P1_f y.
Proof.
  intros Hx Hxy Hy.
  apply (incr_function P1_f (- r) P1_s_star_val P1_df); simpl; try assumption.
  - intros z Hz1 Hz2. apply P1_derivative. lra.
  - intros z Hz1 Hz2. apply P1_df_pos_general. lra.
Qed.

Theorem P1_f_decreasing x y : P1_s_star_val < x -> x < y -> P1_f y < P1_f x.
Proof.
  intros Hx Hxy. pose proof P1_N_star_pos.
  assert (Hss : - r < P1_s_star_val) by (unfold P1_s_star_val; lra).
  assert (Hmain : forall u v, P1_s_star_val < u -> u < v ->
                - P1_f u < - P1_f v).
  { intros u v Hu Huv.
    apply (incr_function (fun t => - P1_f t) P1_s_star_val p_infty (fun t => - P1_df t));
      simpl; try assumption; [| |exact I].
    - intros z Hz _. apply (is_derive_opp P1_f z (P1_df z)). apply P1_derivative. lra.
    - intros z Hz _. pose proof (P1_df_neg_general z Hz). lra. }
  specialize (Hmain x y Hx Hxy). lra.
Qed.

End P1.

(** The special case e = b r^(-a) of theory.md: s_star/r = a^(-1/(1-a)) - 1 (= 3 for a = 1/2). *)
Theorem P1_s_star_ratio r b a :
  0 < a < 1 -> 0 < b -> 0 < r ->
  P1_s_star_val (b * Rpower r (- a)) r b a / r = Rpower a (- (1 / (1 - a))) - 1.
Proof.
  intros Ha Hb Hr. unfold P1_s_star_val, P1_N_star.
  replace (b * Rpower r (- a) * r / (a * b)) with (Rpower r (1 - a) / a).
  2:{ rewrite (Rpower_split r a Hr) at 3. rewrite Rpower_Ropp. field.
      pose proof (Rpower_pos r a). split; lra. }
  replace (1 / (1 - a)) with (/ (1 - a)) by (field; lra).
  assert (Hx : 0 < Rpower r (1 - a)) by apply Rpower_pos.
  assert (Hia : 0 < / a) by (apply Rinv_0_lt_compat; lra).
  assert (Rpower (Rpower r (1 - a) / a) (/ (1 - a)) = r * Rpower a (- / (1 - a))).
  { unfold Rdiv. rewrite <- (Rpower_mult_distr _ _ _ Hx Hia).
    rewrite Rpower_mult, Rinv_r, Rpower_1 by lra.
    f_equal. unfold Rpower. rewrite ln_Rinv by lra. f_equal. ring. }
  rewrite H. field. lra.
Qed.

Lemma P1_s_star_ratio_half : Rpower (/ 2) (- (1 / (1 - / 2))) - 1 = 3.
Proof.
  unfold Rpower. rewrite ln_Rinv by lra.
  replace (- (1 / (1 - / 2)) * - ln 2) with (ln 2 + ln 2) by field.
  rewrite exp_plus, exp_ln by lra. ring.
Qed.

(** ** Limits as s -> +infinity *)

Lemma lim_r_plus (r : R) : is_lim (fun s => r + s) p_infty p_infty.
Proof.
  eapply is_lim_plus; [apply is_lim_const | apply is_lim_id | reflexivity].
Qed.

Lemma lim_inv_r_plus (r : R) : is_lim (fun s => / (r + s)) p_infty 0.
Proof.
  apply (is_lim_inv (fun s => r + s) p_infty p_infty); [apply lim_r_plus | discriminate].
Qed.

(** s/(r+s) -> 1 *)
Lemma lim_ratio (r : R) : is_lim (fun s => s / (r + s)) p_infty 1.
Proof.
  apply is_lim_ext_loc with (fun s => 1 - r * / (r + s)).
  - exists (Rabs r). intros s Hs.
    assert (0 < r + s) by (unfold Rabs in Hs; destruct Rcase_abs; lra).
    field. lra.
  - replace (Finite 1) with (Finite (1 - r * 0)) by (f_equal; ring).
    apply is_lim_minus'; [apply is_lim_const|].
    apply (is_lim_scal_l (fun s => / (r + s)) r p_infty 0). apply lim_inv_r_plus.
Qed.

(** (r+s)^(-a) -> 0 for a > 0 *)
Lemma lim_Rpower_neg (r a : R) : 0 < a -> is_lim (fun s => Rpower (r + s) (- a)) p_infty 0.
Proof.
  intros Ha. unfold Rpower.
  apply (is_lim_comp exp (fun s => - a * ln (r + s)) p_infty 0 m_infty).
  - apply is_lim_exp_m.
  - assert (Hln : is_lim (fun s => ln (r + s)) p_infty p_infty).
    { apply (is_lim_comp ln (fun s => r + s) p_infty p_infty p_infty).
      - apply is_lim_ln_p.
      - apply lim_r_plus.
      - exists 0. intros x _. discriminate. }
    pose proof (is_lim_scal_l _ (- a) _ _ Hln) as H.
    replace (Rbar_mult (- a) p_infty) with m_infty in H; [exact H|].
    unfold Rbar_mult, Rbar_mult'. destruct (Rle_dec 0 (- a)); [exfalso; lra | reflexivity].
  - exists 0. intros x _. discriminate.
Qed.

Lemma lim_pow (f : R -> R) (l : R) (i : nat) :
  is_lim f p_infty l -> is_lim (fun s => f s ^ i) p_infty (l ^ i).
Proof.
  intros Hf. induction i as [|i IH]; simpl.
  - apply is_lim_const.
  - apply (is_lim_mult f (fun s => f s ^ i) p_infty l (l ^ i) Hf IH). exact I.
Qed.

Lemma lim_sumn (g : nat -> R -> R) (l : nat -> R) (i : nat) :
  (forall j, is_lim (g j) p_infty (l j)) ->
  is_lim (fun s => sumn i (fun j => g j s)) p_infty (sumn i l).
Proof.
  intros Hg. induction i as [|i IH]; simpl.
  - apply is_lim_const.
  - apply (is_lim_plus' (fun s => sumn i (fun j => g j s)) (g i)); [exact IH | apply Hg].
Qed.

(** P1: f(s) -> e as s -> +infinity. *)
Theorem P1_limit e r b a : 0 < a -> is_lim (P1_f e r b a) p_infty e.
Proof.
  intros Ha. unfold P1_f.
  replace (Finite e) with (Finite (e * 1 + b * 0)) by (f_equal; ring).
  apply (is_lim_plus' (fun s => e * s / (r + s)) (fun s => b * Rpower (r + s) (- a))).
  - apply is_lim_ext with (fun s => e * (s / (r + s))); [intros; unfold Rdiv; ring|].
    apply (is_lim_scal_l _ e _ 1). apply lim_ratio.
  - apply (is_lim_scal_l _ b _ 0). apply lim_Rpower_neg. exact Ha.
Qed.

(** ** P2: i generations, r real + s synthetic each *)

(** F_i(s) = b r^(-a) (s/N)^i + b N^(-a) sum_{j<i} (s/N)^j,  N = r + s *)
Definition P2_F (r b a : R) (i : nat) (s : R) : R :=
  b * Rpower r (- a) * (s / (r + s)) ^ i
  + b * Rpower (r + s) (- a) * sumn i (fun j => (s / (r + s)) ^ j).

(** P2: F_i(0) = b r^(-a) and F_i(s) -> b r^(-a) as s -> +infinity. *)
Theorem P2_endpoints r b a i :
  0 < r -> 0 < a ->
  P2_F r b a i 0 = b * Rpower r (- a) /\
  is_lim (P2_F r b a i) p_infty (b * Rpower r (- a)).
Proof.
  intros Hr Ha. split.
  - unfold P2_F. rewrite Rplus_0_r. replace (0 / r) with 0 by (field; lra).
    destruct i as [|i].
    + simpl. ring.
    + rewrite sumn_shift. rewrite (sumn_ext i _ (fun _ => 0)) by (intros; simpl; ring).
      rewrite sumn_zero. simpl. ring.
  - unfold P2_F.
    replace (Finite (b * Rpower r (- a)))
      with (Finite (b * Rpower r (- a) * 1 ^ i + b * 0 * sumn i (fun j => 1 ^ j)))
      by (f_equal; rewrite pow1; ring).
    apply is_lim_plus'.
    + apply (is_lim_scal_l _ (b * Rpower r (- a)) _ (1 ^ i)).
      apply lim_pow. apply lim_ratio.
    + apply (is_lim_mult _ _ p_infty (b * 0) (sumn i (fun j => 1 ^ j))); [| |exact I].
      * apply (is_lim_scal_l _ b _ 0). apply lim_Rpower_neg. exact Ha.
      * apply (lim_sumn (fun j s => (s / (r + s)) ^ j)). intros j.
        apply lim_pow. apply lim_ratio.
Qed.

(** P2 with one generation is P1 with inherited error e = b r^(-a). *)
Lemma P2_F1_is_P1 r b a s :
  r + s <> 0 -> P2_F r b a 1 s = P1_f (b * Rpower r (- a)) r b a s.
Proof.
  intros HN. unfold P2_F, P1_f. simpl. field. exact HN.
Qed.

(** ** P1 and P2 are R2/R3 for the expanding-synthetic schedule

    Generation 0 trains on r real samples (eps_0 = eps(r) = b r^(-a)); every later
    generation on r real + s synthetic samples of the previous one, N = r + s,
    lam = r/N, eps_j = eps(N) = b N^(-a).  No Section hypotheses. *)

Definition exp_syn_lam (r s : R) (j : nat) : R := r / (r + s).
Definition exp_syn_eps (r s b a : R) (j : nat) : R :=
  match j with O => b * Rpower r (- a) | S _ => b * Rpower (r + s) (- a) end.

(** P1's f is one R2 step: f(s) = eps(N) + (1 - lam) e with N = r + s, lam = r/N,
    i.e. R2's bound eps_i + (1 - lam_i) TV(phat_{i-1}, p0) with TV(phat_{i-1}, p0) = e. *)
Lemma P1_is_R2_step e r b a s :
  r + s <> 0 -> P1_f e r b a s = b * Rpower (r + s) (- a) + (1 - r / (r + s)) * e.
Proof.
  intros HN. unfold P1_f. field. exact HN.
Qed.

(** P2's F_i is R3's B_i for the expanding-synthetic schedule. *)
Theorem P2_F_is_B r b a s i :
  r + s <> 0 -> P2_F r b a i s = B (exp_syn_lam r s) (exp_syn_eps r s b a) i.
Proof.
  intros HN. unfold P2_F. induction i as [|i IH].
  - simpl. ring.
  - simpl B. rewrite <- IH. unfold exp_syn_lam.
    replace (1 - r / (r + s)) with (s / (r + s)) by (field; exact HN).
    rewrite sumn_shift. rewrite (sumn_ext i (fun j => (s / (r + s)) ^ S j)
                                   (fun j => s / (r + s) * (s / (r + s)) ^ j))
      by (intros; reflexivity).
    rewrite sumn_scal, pow_O. unfold exp_syn_eps.
    replace (sumn i (pow (s / (r + s)))) with (sumn i (fun j => (s / (r + s)) ^ j)) by reflexivity.
    rewrite <- tech_pow_Rmult. ring.
Qed.

(** P1's f with e = eps(r) is B_1 of the same schedule. *)
Corollary P1_is_B1 r b a s :
  r + s <> 0 -> P1_f (b * Rpower r (- a)) r b a s = B (exp_syn_lam r s) (exp_syn_eps r s b a) 1.
Proof.
  intros HN. rewrite <- P2_F_is_B by exact HN. symmetry. apply P2_F1_is_P1. exact HN.
Qed.

(** Hence R3 gives TV(phat_i, p0) <= F_i(s) on the event that every generation j <= i met
    eps_j (r > 0, s >= 0; q_0 = p0, q_{j+1} = lam p0 + (1 - lam) phat_j). *)
Corollary P2_R3_bound n r b a s (p0 : nat -> R) (phat q : nat -> nat -> R) (i : nat) :
  0 < r -> 0 <= s ->
  (forall k, (k < n)%nat -> q O k = p0 k) ->
  (forall j k, (k < n)%nat -> q (S j) k = r / (r + s) * p0 k + (1 - r / (r + s)) * phat j k) ->
  (forall j, (j <= i)%nat -> TV n (phat j) (q j) <= exp_syn_eps r s b a j) ->
  TV n (phat i) p0 <= P2_F r b a i s.
Proof.
  intros Hr Hs Hq0 Hq Hev. rewrite P2_F_is_B by lra.
  apply (R3_unrolled_bound n _ _ p0 phat q i Hq0); [|exact Hq|exact Hev].
  intros j. unfold exp_syn_lam. split.
  - apply Rmult_le_pos; [lra|]. left. apply Rinv_0_lt_compat. lra.
  - apply Rmult_le_reg_r with (r + s); [lra|]. unfold Rdiv.
    rewrite Rmult_assoc, Rinv_l by lra. lra.
Qed.

(** ** P2: the interior peak is unique

    In the ratio t = s/r, F_i(s) = b r^(-a) G_i(t) with x = t/(1+t) and
    G_i(t) = (1+t)^(1-a) (1 - x^i) + x^i (the geometric sum of x^j is (1+t)(1 - x^i)).
    For t > 0, G_i'(t) = i x^(i-1) (1+t)^(-1-a) kappa(t) with
    kappa(t) = (1-a)/i sum_{k<i} (1 + 1/t)^k - 1 + (1+t)^(a-1); every term of kappa is
    non-increasing and the last strictly decreasing, kappa > 0 near 0 and kappa -> -a at
    infinity, so kappa has exactly one zero t* and F_i rises before r t* and falls after it. *)

Lemma sumn_geom n z : sumn n (fun k => z ^ k) * (z - 1) = z ^ n - 1.
Proof.
  induction n as [|n IH]; simpl sumn; simpl pow; [ring|].
  rewrite Rmult_plus_distr_r, IH. ring.
Qed.

Lemma Rpower_one_minus' y c : 0 < y -> Rpower y (1 - c) = y * Rpower y (- c).
Proof.
  intros Hy. replace (1 - c) with (1 + - c) by ring.
  rewrite Rpower_plus, Rpower_1 by exact Hy. reflexivity.
Qed.

Lemma ex_derive_continuity_pt f x : ex_derive f x -> continuity_pt f x.
Proof.
  intros [l Hl]. apply derivable_continuous_pt. exists l. apply is_derive_Reals. exact Hl.
Qed.

Lemma ex_derive_sumn n (g : nat -> R -> R) x :
  (forall k, ex_derive (g k) x) -> ex_derive (fun t => sumn n (fun k => g k t)) x.
Proof.
  intros Hg. induction n as [|n IH]; simpl.
  - apply ex_derive_const.
  - apply (ex_derive_plus (fun t => sumn n (fun k => g k t)) (g n)); [exact IH | apply Hg].
Qed.

(** f(lo) < f(hi) when f is continuous on [lo, hi] with a positive derivative inside. *)
Lemma incr_closed f df lo hi : lo < hi ->
  (forall x, lo < x < hi -> is_derive f x (df x)) ->
  (forall x, lo <= x <= hi -> continuity_pt f x) ->
  (forall x, lo < x < hi -> 0 < df x) -> f lo < f hi.
Proof.
  intros Hlh Hd Hc Hp.
  set (m1 := lo + (hi - lo) / 3). set (m2 := lo + 2 * (hi - lo) / 3).
  assert (Hm : lo < m1 < m2 /\ m2 < hi) by (unfold m1, m2; lra).
  assert (Hweak : forall u v, lo <= u -> u < v -> v <= hi -> f u <= f v).
  { intros u v Hu Huv Hv.
    destruct (MVT_gen f u v (fun c => Rmax 0 (df c))) as [c [_ Heq]].
    - rewrite Rmin_left, Rmax_right by lra. intros x Hx.
      rewrite Rmax_right by (left; apply Hp; lra). apply Hd. lra.
    - rewrite Rmin_left, Rmax_right by lra. intros x Hx. apply Hc. lra.
    - assert (0 <= Rmax 0 (df c) * (v - u)) by (apply Rmult_le_pos; [apply Rmax_l | lra]). lra. }
  destruct (MVT_gen f m1 m2 df) as [c [Hcm Heq]].
  - rewrite Rmin_left, Rmax_right by lra. intros x Hx. apply Hd. lra.
  - rewrite Rmin_left, Rmax_right by lra. intros x Hx. apply Hc. lra.
  - rewrite Rmin_left, Rmax_right in Hcm by lra.
    assert (0 < df c) by (apply Hp; lra).
    assert (0 < df c * (m2 - m1)) by (apply Rmult_lt_0_compat; lra).
    pose proof (Hweak lo m1 ltac:(lra) ltac:(lra) ltac:(lra)).
    pose proof (Hweak m2 hi ltac:(lra) ltac:(lra) ltac:(lra)). lra.
Qed.

(** Normalised profile in the ratio t = s/r: F_i(s) = b r^(-a) G_i(s/r). *)
Definition P2_G (a : R) (i : nat) (t : R) : R :=
  Rpower (1 + t) (1 - a) * (1 - (t / (1 + t)) ^ i) + (t / (1 + t)) ^ i.

(** G_i'(t) *)
Definition P2_dG (a : R) (i : nat) (t : R) : R :=
  (1 - a) * Rpower (1 + t) (- a) * (1 - (t / (1 + t)) ^ i)
  - INR i * (t / (1 + t)) ^ pred i / (1 + t) ^ 2 * (Rpower (1 + t) (1 - a) - 1).

(** The criterion kappa(t) = (1-a)/i sum_{k<i} (1 + 1/t)^k - 1 + (1+t)^(a-1)
    (= (1-a) sum_{k<i} C(i-1,k)/(k+1) t^(-k) - 1 + (1+t)^(a-1)). *)
Definition P2_kappa (a : R) (i : nat) (t : R) : R :=
  (1 - a) / INR i * sumn i (fun k => (1 + / t) ^ k) - 1 + Rpower (1 + t) (a - 1).

(** The positive prefactor of G_i' = prefactor * kappa. *)
Definition P2_pref (a : R) (i : nat) (t : R) : R :=
  INR i * (t / (1 + t)) ^ pred i * Rpower (1 + t) (- 1 - a).

Lemma P2_F_G r b a i s : 0 < r -> 0 < r + s ->
  P2_F r b a i s = b * Rpower r (- a) * P2_G a i (s / r).
Proof.
  intros Hr HN. unfold P2_F, P2_G.
  assert (Ht : 0 < 1 + s / r).
  { replace (1 + s / r) with ((r + s) / r) by (field; lra). apply Rdiv_lt_0_compat; lra. }
  replace (s / (r + s)) with (s / r / (1 + s / r)) by (field; lra).
  replace (r + s) with (r * (1 + s / r)) by (field; lra).
  rewrite <- Rpower_mult_distr by lra.
  set (t := s / r) in *. set (x := t / (1 + t)).
  assert (Hs : sumn i (fun j => x ^ j) = (1 + t) * (1 - x ^ i)).
  { pose proof (sumn_geom i x) as H1.
    replace (x - 1) with (- / (1 + t)) in H1 by (unfold x; field; lra).
    apply (Rmult_eq_reg_r (- / (1 + t))).
    - rewrite H1. field. lra.
    - apply Ropp_neq_0_compat, Rinv_neq_0_compat. lra. }
  rewrite Hs, Rpower_one_minus' by exact Ht. ring.
Qed.

Lemma P2_G_derive a i t : -1 < t -> is_derive (P2_G a i) t (P2_dG a i t).
Proof.
  intros Ht. unfold P2_G, P2_dG.
  replace (Rpower (1 + t) (- a)) with (Rpower (1 + t) (1 - a) / (1 + t))
    by (rewrite Rpower_one_minus' by lra; field; lra).
  unfold Rpower. auto_derive.
  - repeat split; lra.
    - unfold Rdiv. set (X := (t * / (1 + t)) ^ i). set (Y := (t * / (1 + t)) ^ Init.Nat.pred i).
      set (E := exp ((1 - a) * ln (1 + t))). field. lra.
Qed.

Lemma P2_dG_factor a i t : (1 <= i)%nat -> 0 < t ->
  P2_dG a i t = P2_pref a i t * P2_kappa a i t.
Proof.
  intros Hi Ht. destruct i as [|k]; [lia|].
  unfold P2_dG, P2_pref, P2_kappa. simpl pred.
  assert (Hsum : sumn (S k) (fun j => (1 + / t) ^ j) = t * ((1 + / t) ^ S k - 1)).
  { rewrite <- (sumn_geom (S k) (1 + / t)). field. lra. }
  rewrite Hsum.
  replace (1 + / t) with (/ (t / (1 + t))) by (field; lra).
  rewrite pow_inv.
  set (x := t / (1 + t)).
  assert (Hx : 0 < x) by (unfold x; apply Rdiv_lt_0_compat; lra).
  assert (HX : 0 < x ^ k) by (apply pow_lt; exact Hx).
  simpl pow. set (X := x ^ k) in *.
  assert (Hy : 0 < 1 + t) by lra.
  assert (HP : 0 < Rpower (1 + t) (- a)) by apply Rpower_pos.
  rewrite (Rpower_one_minus' (1 + t) a Hy).
  replace (Rpower (1 + t) (- 1 - a)) with (Rpower (1 + t) (- a) / (1 + t)).
  2:{ replace (- 1 - a) with (- a + - (1)) by ring. rewrite Rpower_plus, (Rpower_Ropp (1 + t) 1), Rpower_1 by lra.
      field. lra. }
  replace (Rpower (1 + t) (a - 1)) with (/ ((1 + t) * Rpower (1 + t) (- a))).
  2:{ rewrite <- Rpower_one_minus' by lra. rewrite <- Rpower_Ropp. f_equal. ring. }
  set (P := Rpower (1 + t) (- a)) in *.
  assert (INR (S k) <> 0) by (apply not_0_INR; lia).
  unfold x. field. repeat split; lra.
Qed.

Lemma P2_pref_pos a i t : (1 <= i)%nat -> 0 < t -> 0 < P2_pref a i t.
Proof.
  intros Hi Ht. unfold P2_pref.
  assert (0 < INR i) by (apply lt_0_INR; lia).
  assert (0 < (t / (1 + t)) ^ pred i) by (apply pow_lt, Rdiv_lt_0_compat; lra).
  pose proof (Rpower_pos (1 + t) (- 1 - a)).
  apply Rmult_lt_0_compat; [apply Rmult_lt_0_compat|]; assumption.
Qed.

Section P2_peak.

Variables (a : R) (i : nat).
Hypotheses (Ha : 0 < a < 1) (Hi : (1 <= i)%nat).

(** kappa is strictly decreasing on (0, infinity). *)
Theorem P2_kappa_decreasing t1 t2 : 0 < t1 -> t1 < t2 -> P2_kappa a i t2 < P2_kappa a i t1.
Proof.
  intros H1 H12. unfold P2_kappa.
  assert (Hs : sumn i (fun k => (1 + / t2) ^ k) <= sumn i (fun k => (1 + / t1) ^ k)).
  { apply sumn_le. intros k _. apply pow_incr. split.
    - assert (0 < / t2) by (apply Rinv_0_lt_compat; lra). lra.
    - assert (/ t2 < / t1) by (apply Rinv_lt_contravar; nra). lra. }
  assert (Hc : 0 <= (1 - a) / INR i).
  { assert (0 < INR i) by (apply lt_0_INR; lia). apply Rlt_le, Rdiv_lt_0_compat; lra. }
  assert (Hp : Rpower (1 + t2) (a - 1) < Rpower (1 + t1) (a - 1)).
  { unfold Rpower. apply exp_increasing.
    assert (ln (1 + t1) < ln (1 + t2)) by (apply ln_increasing; lra). nra. }
  pose proof (Rmult_le_compat_l _ _ _ Hc Hs). lra.
Qed.

(** At most one zero. *)
Lemma P2_kappa_zero_unique t1 t2 : 0 < t1 -> 0 < t2 ->
  P2_kappa a i t1 = 0 -> P2_kappa a i t2 = 0 -> t1 = t2.
Proof.
  intros H1 H2 Z1 Z2. destruct (Rtotal_order t1 t2) as [Hlt|[Heq|Hgt]]; [|exact Heq|].
  - pose proof (P2_kappa_decreasing t1 t2 H1 Hlt). lra.
  - pose proof (P2_kappa_decreasing t2 t1 H2 Hgt). lra.
Qed.

Lemma P2_kappa_continuous t : 0 < t -> continuity_pt (P2_kappa a i) t.
Proof.
  intros Ht. apply ex_derive_continuity_pt. unfold P2_kappa.
  apply (ex_derive_plus (fun u => (1 - a) / INR i * sumn i (fun k => (1 + / u) ^ k) - 1)
                        (fun u => Rpower (1 + u) (a - 1))).
  - apply (ex_derive_minus (fun u => (1 - a) / INR i * sumn i (fun k => (1 + / u) ^ k)) (fun _ => 1)).
    + apply (ex_derive_scal (fun u => sumn i (fun k => (1 + / u) ^ k))).
      apply (ex_derive_sumn i (fun k u => (1 + / u) ^ k)). intros k.
      auto_derive. lra.
    + apply ex_derive_const.
  - unfold Rpower. auto_derive. lra.
Qed.

(** kappa(t) -> -a as t -> infinity. *)
Lemma P2_kappa_limit : is_lim (P2_kappa a i) p_infty (- a).
Proof.
  unfold P2_kappa.
  assert (Hz : is_lim (fun t => 1 + / t) p_infty 1).
  { replace (Finite 1) with (Finite (1 + 0)) by (f_equal; ring).
    apply (is_lim_plus' (fun _ => 1) (fun t => / t)); [apply is_lim_const|].
    apply is_lim_ext with (fun t => / (0 + t)); [intros; f_equal; ring|]. apply lim_inv_r_plus. }
  assert (Hsum : is_lim (fun t => sumn i (fun k => (1 + / t) ^ k)) p_infty (INR i)).
  { replace (INR i) with (sumn i (fun k => 1 ^ k))
      by (rewrite (sumn_ext i _ (fun _ => 1)) by (intros; apply pow1); rewrite sumn_const; ring).
    apply (lim_sumn (fun k t => (1 + / t) ^ k)). intros k. apply lim_pow. exact Hz. }
  assert (Hpow : is_lim (fun t => Rpower (1 + t) (a - 1)) p_infty 0).
  { apply is_lim_ext with (fun t => Rpower (1 + t) (- (1 - a))); [intros; f_equal; ring|].
    apply lim_Rpower_neg. lra. }
  assert (0 < INR i) by (apply lt_0_INR; lia).
  replace (Finite (- a)) with (Finite ((1 - a) / INR i * INR i - 1 + 0)) by (f_equal; field; lra).
  apply is_lim_plus'; [|exact Hpow].
  apply is_lim_minus'; [|apply is_lim_const].
  apply (is_lim_scal_l _ ((1 - a) / INR i) _ (INR i)). exact Hsum.
Qed.

(** kappa is positive near 0: kappa(t) >= (1+t)^(a-1) - a, positive at t0 = (e^L - 1)/2, L = ln a/(a-1). *)
Lemma P2_kappa_pos_point : exists t0, 0 < t0 /\ 0 < P2_kappa a i t0.
Proof.
  set (L := ln a / (a - 1)).
  assert (HL : 0 < L).
  { assert (ln a < 0) by (rewrite <- ln_1; apply ln_increasing; lra).
    unfold L, Rdiv. assert (/ (a - 1) < 0) by (apply Rinv_lt_0_compat; lra). nra. }
  assert (HeL : 1 < exp L) by (rewrite <- exp_0; apply exp_increasing; exact HL).
  exists ((exp L - 1) / 2). split; [lra|].
  set (t0 := (exp L - 1) / 2).
  assert (Hs : INR i <= sumn i (fun k => (1 + / t0) ^ k)).
  { rewrite <- (Rmult_1_r (INR i)), <- sumn_const. apply sumn_le. intros k _.
    apply pow_R1_Rle. assert (0 < / t0) by (apply Rinv_0_lt_compat; unfold t0; lra). lra. }
  assert (Hi' : 0 < INR i) by (apply lt_0_INR; lia).
  assert (Hk : 1 - a <= (1 - a) / INR i * sumn i (fun k => (1 + / t0) ^ k)).
  { apply (Rmult_le_reg_l (INR i)); [exact Hi'|].
    replace (INR i * ((1 - a) / INR i * sumn i (fun k => (1 + / t0) ^ k)))
      with ((1 - a) * sumn i (fun k => (1 + / t0) ^ k)) by (field; lra).
    replace (INR i * (1 - a)) with ((1 - a) * INR i) by ring.
    apply Rmult_le_compat_l; lra. }
  assert (Hp : a < Rpower (1 + t0) (a - 1)).
  { unfold Rpower. rewrite <- (exp_ln a) at 1 by lra. apply exp_increasing.
    assert (ln (1 + t0) < L).
    { replace L with (ln (exp L)) by apply ln_exp. apply ln_increasing; unfold t0; lra. }
    assert (ln a = (a - 1) * L) by (unfold L; field; lra). nra. }
  unfold P2_kappa. lra.
Qed.

(** Existence and uniqueness of the zero t* of kappa on (0, infinity). *)
Theorem P2_kappa_zero : exists! ts, 0 < ts /\ P2_kappa a i ts = 0.
Proof.
  destruct P2_kappa_pos_point as [t0 [Ht0 Hk0]].
  pose proof P2_kappa_limit as Hlim. apply is_lim_spec in Hlim.
  destruct (Hlim (mkposreal (a / 2) ltac:(lra))) as [M HM]. simpl in HM.
  set (T := Rmax (M + 1) (t0 + 1)).
  assert (HT : P2_kappa a i T < 0).
  { assert (M < T) by (unfold T; pose proof (Rmax_l (M + 1) (t0 + 1)); lra).
    specialize (HM T H). apply Rabs_def2 in HM. lra. }
  assert (Ht0T : t0 < T) by (unfold T; pose proof (Rmax_r (M + 1) (t0 + 1)); lra).
  destruct (IVT_interv (fun t => - P2_kappa a i t) t0 T) as [z [Hz Hz0]].
  - intros u Hu. apply continuity_pt_opp. apply P2_kappa_continuous. lra.
  - exact Ht0T.
  - lra.
  - lra.
  - exists z. split; [split; lra|].
    intros z' [Hz' Hz'0]. apply P2_kappa_zero_unique; lra.
Qed.


Lemma P2_G_continuous t : -1 < t -> continuity_pt (P2_G a i) t.
Proof.
  intros Ht. apply ex_derive_continuity_pt. exists (P2_dG a i t). apply P2_G_derive. exact Ht.
Qed.

Lemma P2_dG_pos ts t : 0 < ts -> P2_kappa a i ts = 0 -> 0 < t < ts -> 0 < P2_dG a i t.
Proof.
  intros Hts Hz Ht. rewrite P2_dG_factor by (exact Hi || lra).
  apply Rmult_lt_0_compat; [apply P2_pref_pos; (exact Hi || lra)|].
  pose proof (P2_kappa_decreasing t ts ltac:(lra) ltac:(lra)). lra.
Qed.

Lemma P2_dG_neg ts t : 0 < ts -> P2_kappa a i ts = 0 -> ts < t -> P2_dG a i t < 0.
Proof.
  intros Hts Hz Ht. rewrite P2_dG_factor by (exact Hi || lra).
  pose proof (P2_pref_pos a i t Hi ltac:(lra)).
  pose proof (P2_kappa_decreasing ts t Hts Ht). nra.
Qed.

(** G rises strictly on [0, t*] ... *)
Lemma P2_G_increasing ts x y : 0 < ts -> P2_kappa a i ts = 0 ->
  0 <= x -> x < y -> y <= ts -> P2_G a i x < P2_G a i y.
Proof.
  intros Hts Hz Hx Hxy Hy.
  apply (incr_closed (P2_G a i) (P2_dG a i) x y Hxy).
  - intros u Hu. apply P2_G_derive. lra.
  - intros u Hu. apply P2_G_continuous. lra.
  - intros u Hu. apply (P2_dG_pos ts); lra.
Qed.

(** ... and falls strictly on [t*, infinity). *)
Lemma P2_G_decreasing ts x y : 0 < ts -> P2_kappa a i ts = 0 ->
  ts <= x -> x < y -> P2_G a i y < P2_G a i x.
Proof.
  intros Hts Hz Hx Hxy.
  cut (- P2_G a i x < - P2_G a i y); [lra|].
  apply (incr_closed (fun t => - P2_G a i t) (fun t => - P2_dG a i t) x y Hxy).
  - intros u Hu. apply (is_derive_opp (P2_G a i)). apply P2_G_derive. lra.
  - intros u Hu. apply continuity_pt_opp. apply P2_G_continuous. lra.
  - intros u Hu. pose proof (P2_dG_neg ts u Hts Hz ltac:(lra)). lra.
Qed.

(** P2, derivative: for s > 0, F_i'(s) = b r^(-a)/r * pref(s/r) * kappa(s/r), pref > 0 (P2_pref_pos). *)
Theorem P2_derivative r b s : 0 < r -> 0 < s ->
  is_derive (P2_F r b a i) s (b * Rpower r (- a) / r * (P2_pref a i (s / r) * P2_kappa a i (s / r))).
Proof.
  intros Hr Hs.
  apply is_derive_ext_loc with (fun u => b * Rpower r (- a) * P2_G a i (u / r)).
  - apply (filter_imp (fun u => - r < u)).
    + intros u Hu. symmetry. apply P2_F_G; lra.
    + apply (open_gt (- r)). lra.
  - rewrite <- P2_dG_factor by (exact Hi || (apply Rdiv_lt_0_compat; lra)).
    replace (b * Rpower r (- a) / r * P2_dG a i (s / r))
      with (b * Rpower r (- a) * (/ r * P2_dG a i (s / r))) by (field; lra).
    apply (is_derive_scal (fun u => P2_G a i (u / r))).
    apply (is_derive_comp (P2_G a i) (fun u => u / r) s (P2_dG a i (s / r)) (/ r)).
    + apply P2_G_derive. assert (0 < s / r) by (apply Rdiv_lt_0_compat; lra). lra.
    + auto_derive; [lra | field; lra].
Qed.

(** P2, sign: for s > 0, F_i'(s) has the sign of kappa(s/r). *)
Theorem P2_derivative_sign r b s : 0 < r -> 0 < b -> 0 < s ->
  (0 < Derive (P2_F r b a i) s <-> 0 < P2_kappa a i (s / r)) /\
  (Derive (P2_F r b a i) s < 0 <-> P2_kappa a i (s / r) < 0).
Proof.
  intros Hr Hb Hs.
  rewrite (is_derive_unique _ _ _ (P2_derivative r b s Hr Hs)).
  assert (Hc : 0 < b * Rpower r (- a) / r) by (pose proof (Rpower_pos r (- a)); apply Rdiv_lt_0_compat; nra).
  assert (Hp : 0 < P2_pref a i (s / r)) by (apply P2_pref_pos; [exact Hi | apply Rdiv_lt_0_compat; lra]).
  set (c := b * Rpower r (- a) / r) in *. set (p := P2_pref a i (s / r)) in *.
  set (k := P2_kappa a i (s / r)).
  replace (c * (p * k)) with ((c * p) * k) by ring.
  assert (Hq : 0 < c * p) by (apply Rmult_lt_0_compat; assumption).
  set (q := c * p) in *.
  split; split; intros H; nra.
Qed.

(** P2, unimodality: kappa has exactly one zero t* > 0; F_i rises strictly on [0, r t*], falls strictly on
    [r t*, infinity), so s* = r t* is the unique maximizer of F_i over [0, infinity). *)
Theorem P2_unimodal r b : 0 < r -> 0 < b ->
  exists ts, 0 < ts /\ P2_kappa a i ts = 0 /\
    (forall t, 0 < t -> P2_kappa a i t = 0 -> t = ts) /\
    (forall x y, 0 <= x -> x < y -> y <= r * ts -> P2_F r b a i x < P2_F r b a i y) /\
    (forall x y, r * ts <= x -> x < y -> P2_F r b a i y < P2_F r b a i x) /\
    (forall s, 0 <= s -> s <> r * ts -> P2_F r b a i s < P2_F r b a i (r * ts)).
Proof.
  intros Hr Hb.
  destruct P2_kappa_zero as [ts [[Hts Hz] Huniq]].
  assert (HC : 0 < b * Rpower r (- a)) by (pose proof (Rpower_pos r (- a)); nra).
  assert (Hinc : forall x y, 0 <= x -> x < y -> y <= r * ts -> P2_F r b a i x < P2_F r b a i y).
  { intros x y Hx Hxy Hy. rewrite !P2_F_G by lra.
    apply Rmult_lt_compat_l; [exact HC|].
    apply (P2_G_increasing ts); try assumption.
    - apply Rmult_le_pos; [exact Hx | left; apply Rinv_0_lt_compat; exact Hr].
    - apply Rmult_lt_compat_r; [apply Rinv_0_lt_compat|]; assumption.
    - apply (Rmult_le_reg_l r); [exact Hr|]. unfold Rdiv. field_simplify; lra. }
  assert (Hdec : forall x y, r * ts <= x -> x < y -> P2_F r b a i y < P2_F r b a i x).
  { intros x y Hx Hxy. assert (0 < r * ts) by nra. rewrite !P2_F_G by lra.
    apply Rmult_lt_compat_l; [exact HC|].
    apply (P2_G_decreasing ts); try assumption.
    - apply (Rmult_le_reg_l r); [exact Hr|]. unfold Rdiv. field_simplify; lra.
    - apply Rmult_lt_compat_r; [apply Rinv_0_lt_compat|]; assumption. }
  exists ts. split; [exact Hts|]. split; [exact Hz|]. split.
  { intros t Ht Hzt. symmetry. apply Huniq. split; assumption. }
  split; [exact Hinc|]. split; [exact Hdec|].
  intros s Hs Hne. assert (0 < r * ts) by nra.
  destruct (Rlt_or_le s (r * ts)) as [Hlt|Hge].
  - apply Hinc; lra.
  - apply Hdec; lra.
Qed.

End P2_peak.
