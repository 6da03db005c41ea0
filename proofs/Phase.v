(** * Phase transition in the synthetic amount: P1 (and P2 endpoints)
    (theory.md section 3).  Learning error model eps(N) = b N^(-alpha). *)

From Coq Require Import Reals Lra Lia.
From Coquelicot Require Import Coquelicot.
From Loopbound Require Import TV.
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
