(** * General propagation results R1 -- R5 (theory.md section 2) *)

From Coq Require Import Reals Lra Lia.
From Loopbound Require Import TV.
Open Scope R_scope.

(** ** R1: the mixture lemma *)

(** R1 (two components): TV(lam p + (1-lam) q, p) = (1-lam) TV(q, p). *)
Theorem R1_mixture_eq n lam p q :
  0 <= lam <= 1 ->
  TV n (mix lam p q) p = (1 - lam) * TV n q p.
Proof.
  intros Hl. unfold TV, mix.
  rewrite (sumn_ext n _ (fun k => (1 - lam) * Rabs (q k - p k))).
  - rewrite sumn_scal. ring.
  - intros k _. replace (lam * p k + (1 - lam) * q k - p k)
      with ((1 - lam) * (q k - p k)) by ring.
    rewrite Rabs_mult, Rabs_pos_eq by lra. reflexivity.
Qed.

(** Mixture of [p0] with [m] components [qs 0 .. qs (m-1)]. *)
Definition mixn (lam : R) (p0 : nat -> R) (m : nat) (mu : nat -> R)
  (qs : nat -> nat -> R) : nat -> R :=
  fun k => lam * p0 k + sumn m (fun j => mu j * qs j k).

(** R1 (several components): TV(lam p0 + sum_j mu_j q_j, p0) <= sum_j mu_j TV(q_j, p0)
    when mu_j >= 0 and lam + sum_j mu_j = 1. *)
Theorem R1_mixture_le n m lam mu qs p0 :
  (forall j, (j < m)%nat -> 0 <= mu j) ->
  lam + sumn m mu = 1 ->
  TV n (mixn lam p0 m mu qs) p0 <= sumn m (fun j => mu j * TV n (qs j) p0).
Proof.
  intros Hmu Hsum. unfold TV, mixn.
  rewrite (sumn_ext m (fun j => mu j * (/ 2 * sumn n (fun k => Rabs (qs j k - p0 k))))
             (fun j => / 2 * sumn n (fun k => mu j * Rabs (qs j k - p0 k))))
    by (intros; rewrite sumn_scal; ring).
  rewrite sumn_scal. apply Rmult_le_compat_l; [lra|].
  rewrite <- (sumn_swap n m (fun j k => mu j * Rabs (qs j k - p0 k))).
  apply sumn_le. intros k _.
  replace (lam * p0 k + sumn m (fun j => mu j * qs j k) - p0 k)
    with (sumn m (fun j => mu j * (qs j k - p0 k))).
  - eapply Rle_trans; [apply sumn_abs|]. apply sumn_le. intros j Hj.
    rewrite Rabs_mult, (Rabs_pos_eq (mu j)) by (apply Hmu; exact Hj). lra.
  - rewrite (sumn_ext m _ (fun j => mu j * qs j k - mu j * p0 k)) by (intros; ring).
    rewrite sumn_minus, sumn_scal_r.
    replace (sumn m mu) with (1 - lam) by lra. ring.
Qed.

(** ** R2: one-step recursion *)

(** R2 (common case, all synthetic data from the previous generation):
    on the event TV(phat_i, q_i) <= eps_i, where q_i = lam_i p0 + (1-lam_i) phat_{i-1},
    TV(phat_i, p0) <= eps_i + (1 - lam_i) TV(phat_{i-1}, p0). *)
Theorem R2_one_step n lam eps p0 phat_prev q phat_i :
  0 <= lam <= 1 ->
  (forall k, (k < n)%nat -> q k = lam * p0 k + (1 - lam) * phat_prev k) ->
  TV n phat_i q <= eps ->
  TV n phat_i p0 <= eps + (1 - lam) * TV n phat_prev p0.
Proof.
  intros Hl Hq Hev.
  rewrite <- R1_mixture_eq by exact Hl.
  rewrite (TV_ext n (mix lam p0 phat_prev) q p0 p0)
    by (intros k Hk; first [reflexivity | rewrite Hq by exact Hk; reflexivity]).
  eapply Rle_trans; [apply (TV_triangle n phat_i q p0)|]. lra.
Qed.

(** R2 (general weights): q_i = lam_i p0 + sum_{j<i} mu_{i,j} phat_j. *)
Theorem R2_one_step_general n i lam mu eps p0 (phat : nat -> nat -> R) q phat_i :
  (forall j, (j < i)%nat -> 0 <= mu j) ->
  lam + sumn i mu = 1 ->
  (forall k, (k < n)%nat -> q k = lam * p0 k + sumn i (fun j => mu j * phat j k)) ->
  TV n phat_i q <= eps ->
  TV n phat_i p0 <= eps + sumn i (fun j => mu j * TV n (phat j) p0).
Proof.
  intros Hmu Hsum Hq Hev.
  pose proof (R1_mixture_le n i lam mu phat p0 Hmu Hsum) as H1.
  rewrite (TV_ext n (mixn lam p0 i mu phat) q p0 p0) in H1
    by (intros k Hk; first [reflexivity | rewrite Hq by exact Hk; reflexivity]).
  eapply Rle_trans; [apply (TV_triangle n phat_i q p0)|]. lra.
Qed.

(** ** R3: the unrolled bound *)

(** The recursion B_0 = eps_0, B_i = (1 - lam_i) B_{i-1} + eps_i. *)
Fixpoint B (lam eps : nat -> R) (i : nat) : R :=
  match i with
  | O => eps O
  | S i' => (1 - lam (S i')) * B lam eps i' + eps (S i')
  end.

(** [pw lam j i] = prod_{k=j+1}^{i} (1 - lam k) (empty product = 1). *)
Fixpoint pw (lam : nat -> R) (j i : nat) : R :=
  match i with
  | O => 1
  | S i' => if (j <? S i')%nat then (1 - lam (S i')) * pw lam j i' else 1
  end.

(** The closed form sum_{j=0}^{i} (prod_{k=j+1}^{i} (1 - lam_k)) eps_j. *)
Definition Bclosed (lam eps : nat -> R) (i : nat) : R :=
  sumn (S i) (fun j => pw lam j i * eps j).

Lemma pw_diag lam i : pw lam i i = 1.
Proof.
  destruct i; simpl; [reflexivity|].
  rewrite Nat.ltb_irrefl. reflexivity.
Qed.

(** R3: the recursion and the closed form agree exactly. *)
Theorem R3_closed_form lam eps i : B lam eps i = Bclosed lam eps i.
Proof.
  unfold Bclosed. induction i as [|i IH].
  - simpl. ring.
  - rewrite sumn_S, pw_diag.
    rewrite (sumn_ext (S i) (fun j => pw lam j (S i) * eps j)
               (fun j => (1 - lam (S i)) * (pw lam j i * eps j))).
    + rewrite sumn_scal, <- IH. simpl B. ring.
    + intros j Hj. simpl pw.
      replace (j <? S i)%nat with true by (symmetry; apply Nat.ltb_lt; exact Hj).
      ring.
Qed.

(** R3: on the event that every generation j <= i met its eps_j,
    TV(phat_i, p0) <= B_i.  Generation 0 is trained on real data only
    (q_0 = p0); generation j+1 on q_{j+1} = lam_{j+1} p0 + (1-lam_{j+1}) phat_j. *)
Theorem R3_unrolled_bound n (lam eps : nat -> R) (p0 : nat -> R)
  (phat q : nat -> nat -> R) (i : nat) :
  (forall k, (k < n)%nat -> q O k = p0 k) ->
  (forall j, 0 <= lam (S j) <= 1) ->
  (forall j k, (k < n)%nat -> q (S j) k = lam (S j) * p0 k + (1 - lam (S j)) * phat j k) ->
  (forall j, (j <= i)%nat -> TV n (phat j) (q j) <= eps j) ->
  TV n (phat i) p0 <= B lam eps i.
Proof.
  intros Hq0 Hl Hq Hev. induction i as [|i IH].
  - simpl. rewrite <- (TV_ext n (phat O) (phat O) (q O) p0)
      by (intros; first [reflexivity | apply Hq0; assumption]).
    apply Hev. lia.
  - simpl B.
    assert (Hi : TV n (phat i) p0 <= B lam eps i) by (apply IH; intros; apply Hev; lia).
    eapply Rle_trans.
    + apply (R2_one_step n (lam (S i)) (eps (S i)) p0 (phat i) (q (S i)) (phat (S i))).
      * apply Hl.
      * intros k Hk. apply Hq. exact Hk.
      * apply Hev. lia.
    + pose proof (Hl i).
      assert ((1 - lam (S i)) * TV n (phat i) p0 <= (1 - lam (S i)) * B lam eps i)
        by (apply Rmult_le_compat_l; lra).
      lra.
Qed.

(** The same bound in closed form. *)
Corollary R3_unrolled_bound_closed n lam eps p0 phat q i :
  (forall k, (k < n)%nat -> q O k = p0 k) ->
  (forall j, 0 <= lam (S j) <= 1) ->
  (forall j k, (k < n)%nat -> q (S j) k = lam (S j) * p0 k + (1 - lam (S j)) * phat j k) ->
  (forall j, (j <= i)%nat -> TV n (phat j) (q j) <= eps j) ->
  TV n (phat i) p0 <= Bclosed lam eps i.
Proof.
  intros. rewrite <- R3_closed_form. eapply R3_unrolled_bound; eassumption.
Qed.

(** ** R4: corollaries *)

(** fixed-proportion, constant eps: B_i = eps (1 - (1-lam)^(i+1)) / lam. *)
Theorem R4_fixed_closed_form lam e i :
  0 < lam <= 1 ->
  B (fun _ => lam) (fun _ => e) i = e * (1 - (1 - lam) ^ (S i)) / lam.
Proof.
  intros Hl. induction i as [|i IH].
  - simpl. field. lra.
  - simpl B. rewrite IH. simpl pow. field. lra.
Qed.

Theorem R4_fixed_le_limit lam e i :
  0 < lam <= 1 -> 0 <= e ->
  B (fun _ => lam) (fun _ => e) i <= e / lam.
Proof.
  intros Hl He. rewrite R4_fixed_closed_form by exact Hl.
  assert (0 <= (1 - lam) ^ S i) by (apply pow_le; lra).
  unfold Rdiv. apply Rmult_le_compat_r; [left; apply Rinv_0_lt_compat; lra|]. nra.
Qed.

(** The reference value of theory.md: lam = 1/10, eps = 1, B_20 = 8.905810... *)
Lemma R4_fixed_example_20 :
  8.905810 < B (fun _ => /10) (fun _ => 1) 20 < 8.905811.
Proof.
  rewrite R4_fixed_closed_form by lra. replace (1 - / 10) with (9 / 10) by field.
  simpl pow. split; lra.
Qed.

Lemma R4_fixed_example_100 :
  9.999760 < B (fun _ => /10) (fun _ => 1) 100 < 9.999761.
Proof.
  rewrite R4_fixed_closed_form by lra. replace (1 - / 10) with (9 / 10) by field.
  simpl pow. split; lra.
Qed.

(** fully-synthetic (lam_k = 0): B_i = sum_{j<=i} eps_j, and (i+1) eps for constant eps. *)
Theorem R4_fully_synthetic_sum :
  (forall eps i, B (fun _ => 0) eps i = sumn (S i) eps) /\
  (forall e i, B (fun _ => 0) (fun _ => e) i = (INR i + 1) * e).
Proof.
  assert (H : forall eps i, B (fun _ => 0) eps i = sumn (S i) eps).
  { intros eps i. induction i; simpl B.
    - simpl. ring.
    - rewrite IHi. rewrite (sumn_S (S i)). ring. }
  split; [exact H|].
  intros e i. rewrite H, sumn_const, S_INR. ring.
Qed.

(** last-injection: if generations 1..i-1 are fully synthetic then B_{i-1} = i eps ... *)
Lemma R4_last_injection_prev lam e m :
  (forall k, (1 <= k)%nat -> (k <= m)%nat -> lam k = 0) ->
  B lam (fun _ => e) m = (INR m + 1) * e.
Proof.
  intros H. induction m as [|m IH].
  - simpl. ring.
  - simpl B. rewrite IH by (intros; apply H; lia).
    rewrite H by lia. rewrite S_INR. ring.
Qed.

(** ... and B_i <= 2 eps iff lam_i >= (i-1)/i (claim C6). *)
Theorem R4_last_injection_iff lam e i :
  (1 <= i)%nat -> 0 < e ->
  (forall k, (1 <= k)%nat -> (k < i)%nat -> lam k = 0) ->
  (B lam (fun _ => e) i <= 2 * e <-> lam i >= (INR i - 1) / INR i).
Proof.
  intros Hi He H. destruct i as [|m]; [lia|].
  simpl B. rewrite R4_last_injection_prev by (intros; apply H; lia).
  rewrite S_INR.
  assert (Hm : 0 <= INR m) by apply pos_INR.
  replace ((INR m + 1 - 1) / (INR m + 1)) with (1 - / (INR m + 1)) by (field; lra).
  set (x := 1 - lam (S m)).
  replace (lam (S m)) with (1 - x) by (unfold x; ring).
  assert (Hpos : 0 < INR m + 1) by lra.
  split; intros Hc.
  - (* x (m+1) e + e <= 2 e  ->  x <= /(m+1) *)
    assert (x * (INR m + 1) <= 1).
    { apply Rmult_le_reg_r with e; [exact He|]. nra. }
    assert (x <= / (INR m + 1)).
    { apply Rmult_le_reg_r with (INR m + 1); [exact Hpos|].
      rewrite Rinv_l by lra. lra. }
    lra.
  - assert (Hx : x <= / (INR m + 1)) by lra.
    assert (x * (INR m + 1) <= 1).
    { apply Rmult_le_compat_r with (r := INR m + 1) in Hx; [|lra].
      rewrite Rinv_l in Hx by lra. exact Hx. }
    nra.
Qed.

(** growing-size: sum_{j=0}^{i} (j+1)^(-2) <= 2 - 1/(i+1) < 2.
    (We use the elementary constant 2, not pi^2/6.) *)
Lemma R4_inv_sq_sum_le i :
  sumn (S i) (fun j => / (INR j + 1) ^ 2) <= 2 - / (INR i + 1).
Proof.
  induction i as [|i IH].
  - simpl. lra.
  - rewrite sumn_S. rewrite S_INR.
    assert (Hi : 0 <= INR i) by apply pos_INR.
    assert (/ (INR i + 1 + 1) ^ 2 <= / (INR i + 1) - / (INR i + 1 + 1)).
    { replace (/ (INR i + 1) - / (INR i + 1 + 1))
        with (/ ((INR i + 1) * (INR i + 1 + 1))) by (field; lra).
      apply Rinv_le_contravar; [nra|]. simpl. nra. }
    lra.
Qed.

(** With eps_j = c (N0 (j+1)^4)^(-1/2) and lam = 0 (fully synthetic):
    B_i = c N0^(-1/2) sum_{j=0}^{i} (j+1)^(-2).  No Section hypotheses. *)
Lemma R4_growing_size_sum c N0 i :
  0 < N0 ->
  B (fun _ => 0) (fun j => c / sqrt (N0 * (INR j + 1) ^ 4)) i =
    c / sqrt N0 * sumn (S i) (fun j => / (INR j + 1) ^ 2).
Proof.
  intros HN. assert (HsN : 0 < sqrt N0) by (apply sqrt_lt_R0; exact HN).
  rewrite (proj1 R4_fully_synthetic_sum). rewrite <- sumn_scal.
  apply sumn_ext. intros j _.
  assert (Hj : 0 < INR j + 1) by (pose proof (pos_INR j); lra).
  replace ((INR j + 1) ^ 4) with (((INR j + 1) ^ 2) ^ 2) by ring.
  rewrite sqrt_mult by (try lra; apply pow_le; apply pow_le; lra).
  rewrite sqrt_pow2 by (apply pow_le; lra).
  field. repeat split; apply Rgt_not_eq; lra.
Qed.

(** With eps_j = c (N0 (j+1)^4)^(-1/2) and lam = 0 (fully synthetic, N_j = N0 (j+1)^4):
    B_i <= c N0^(-1/2) (2 - 1/(i+1)) < 2 c N0^(-1/2). *)
Theorem R4_growing_size_bound c N0 i :
  0 < c -> 0 < N0 ->
  B (fun _ => 0) (fun j => c / sqrt (N0 * (INR j + 1) ^ 4)) i
    <= c / sqrt N0 * (2 - / (INR i + 1)) /\
  B (fun _ => 0) (fun j => c / sqrt (N0 * (INR j + 1) ^ 4)) i < 2 * c / sqrt N0.
Proof.
  intros Hc HN.
  assert (HsN : 0 < sqrt N0) by (apply sqrt_lt_R0; exact HN).
  rewrite R4_growing_size_sum by exact HN.
  assert (Hpos : 0 < c / sqrt N0) by (apply Rdiv_lt_0_compat; assumption).
  pose proof (R4_inv_sq_sum_le i) as Hs.
  assert (0 < / (INR i + 1)) by (apply Rinv_0_lt_compat; pose proof (pos_INR i); lra).
  split.
  - apply Rmult_le_compat_l; [lra | exact Hs].
  - replace (2 * c / sqrt N0) with (c / sqrt N0 * 2) by (field; lra).
    apply Rmult_lt_compat_l; [exact Hpos | lra].
Qed.

(** ** R5: accumulate *)

(** q_i = (r_i/N_i) p0 + sum_{j<i} (s_j/N_i) phat_j with N_i = r_i + sum_j s_j:
    TV(q_i, p0) <= sum_{j<i} (s_j/N_i) TV(phat_j, p0). *)
Theorem R5_accumulate n i (r Ni : R) (s : nat -> R) p0 (phat : nat -> nat -> R) q :
  0 <= r -> (forall j, (j < i)%nat -> 0 <= s j) ->
  Ni = r + sumn i s -> 0 < Ni ->
  (forall k, (k < n)%nat -> q k = r / Ni * p0 k + sumn i (fun j => s j / Ni * phat j k)) ->
  TV n q p0 <= sumn i (fun j => s j / Ni * TV n (phat j) p0).
Proof.
  intros Hr Hs HN HNpos Hq.
  rewrite (TV_ext n q (mixn (r / Ni) p0 i (fun j => s j / Ni) phat) p0 p0)
    by (intros k Hk; first [reflexivity | apply Hq; exact Hk]).
  apply R1_mixture_le.
  - intros j Hj. apply Rmult_le_pos; [apply Hs; exact Hj|].
    left; apply Rinv_0_lt_compat; exact HNpos.
  - unfold Rdiv. rewrite sumn_scal_r. rewrite <- Rmult_plus_distr_r, <- HN.
    field. lra.
Qed.

(** R5 with the learning event: the general-weights recursion of R2. *)
Corollary R5_one_step n i (r Ni eps : R) (s : nat -> R) p0 (phat : nat -> nat -> R) q phat_i :
  0 <= r -> (forall j, (j < i)%nat -> 0 <= s j) ->
  Ni = r + sumn i s -> 0 < Ni ->
  (forall k, (k < n)%nat -> q k = r / Ni * p0 k + sumn i (fun j => s j / Ni * phat j k)) ->
  TV n phat_i q <= eps ->
  TV n phat_i p0 <= eps + sumn i (fun j => s j / Ni * TV n (phat j) p0).
Proof.
  intros Hr Hs HN HNpos Hq Hev.
  pose proof (R5_accumulate n i r Ni s p0 phat q Hr Hs HN HNpos Hq).
  eapply Rle_trans; [apply (TV_triangle n phat_i q p0)|]. lra.
Qed.

(** ** R5: the unrolled general-weights bound

    Generation i trains on q_i = lam_i p0 + sum_{j<i} mu_{i,j} phat_j (weights on every
    earlier generation, R2 general form; R5 accumulate is mu_{i,j} = s_j / N_i).  The bound
    is the recursion Bg_0 = eps_0, Bg_i = eps_i + sum_{j<i} mu_{i,j} Bg_j that
    [bound --scenario accumulate] evaluates.  Every lemma of this part is outside any
    Section: it has no Section hypotheses; all its premises are in its statement. *)

(** [Bvec mu eps n j] = Bg_j for every j <= n (the first n+1 values of the recursion). *)
Fixpoint Bvec (mu : nat -> nat -> R) (eps : nat -> R) (n : nat) : nat -> R :=
  match n with
  | O => fun _ => eps O
  | S n' =>
      fun j => if (j <=? n')%nat then Bvec mu eps n' j
               else eps (S n') + sumn (S n') (fun l => mu (S n') l * Bvec mu eps n' l)
  end.

Definition Bg (mu : nat -> nat -> R) (eps : nat -> R) (i : nat) : R := Bvec mu eps i i.

Lemma Bvec_stable mu eps j n m :
  (j <= n)%nat -> (n <= m)%nat -> Bvec mu eps m j = Bvec mu eps n j.
Proof.
  intros Hjn Hnm. induction m as [|m IH].
  - replace n with O by lia. reflexivity.
  - destruct (Nat.eq_dec n (S m)) as [->|Hne]; [reflexivity|].
    simpl. replace (j <=? m)%nat with true by (symmetry; apply Nat.leb_le; lia).
    apply IH. lia.
Qed.

(** The recursion, uniformly for every i (the sum is empty at i = 0):
    Bg_i = eps_i + sum_{j<i} mu_{i,j} Bg_j. *)
Theorem R5_Bg_eq mu eps i :
  Bg mu eps i = eps i + sumn i (fun j => mu i j * Bg mu eps j).
Proof.
  unfold Bg. destruct i as [|n].
  - simpl. ring.
  - cbn -[sumn Nat.leb]. replace (S n <=? n)%nat with false by (symmetry; apply Nat.leb_gt; lia).
    f_equal. apply sumn_ext. intros l Hl. f_equal.
    apply Bvec_stable; lia.
Qed.

(** The recursion determines Bg: any sequence satisfying it equals Bg. *)
Lemma R5_Bg_unique mu eps (b : nat -> R) :
  (forall i, b i = eps i + sumn i (fun j => mu i j * b j)) ->
  forall i, b i = Bg mu eps i.
Proof.
  intros Hb.
  assert (H : forall m i, (i <= m)%nat -> b i = Bg mu eps i).
  { induction m as [|m IH]; intros i Hi.
    - replace i with O by lia. rewrite Hb, R5_Bg_eq. simpl. reflexivity.
    - rewrite Hb, R5_Bg_eq. f_equal. apply sumn_ext. intros j Hj.
      rewrite IH by lia. reflexivity. }
  intros i. apply (H i). lia.
Qed.

Lemma Bg_ext mu mu' eps i :
  (forall i' j, mu i' j = mu' i' j) -> Bg mu eps i = Bg mu' eps i.
Proof.
  intros H. symmetry. apply R5_Bg_unique. intros i'. rewrite R5_Bg_eq.
  f_equal. apply sumn_ext. intros j _. rewrite H. reflexivity.
Qed.

(** With weight only on the previous generation (mu_{i,i-1} = 1 - lam_i, all other
    mu_{i,j} = 0) the general recursion is R3's B. *)
Theorem R5_Bg_prev_is_B lam eps i :
  Bg (fun i j => if (S j =? i)%nat then 1 - lam i else 0) eps i = B lam eps i.
Proof.
  induction i as [|i IH].
  - rewrite R5_Bg_eq. simpl. ring.
  - rewrite R5_Bg_eq, sumn_S. rewrite Nat.eqb_refl, IH.
    rewrite (sumn_ext i _ (fun _ => 0)).
    + rewrite sumn_zero. simpl B. ring.
    + intros j Hj. replace (S j =? S i)%nat with false
        by (symmetry; apply Nat.eqb_neq; lia). ring.
Qed.

(** R5 unrolled (general weights), by strong induction on the generation.
    Hypotheses, for every generation i' <= i: mu_{i',j} >= 0 (j < i'),
    lam_{i'} + sum_{j<i'} mu_{i',j} = 1 (lam_{i'} is the real proportion; it enters only
    through this sum, no sign condition is needed), q_{i'} = lam_{i'} p0 + sum_{j<i'} mu_{i',j} phat_j
    on the n atoms, and the learning event TV(phat_{i'}, q_{i'}) <= eps_{i'}.
    (At i' = 0 the sum is empty, so lam_0 = 1 and q_0 = p0.)  Then TV(phat_i, p0) <= Bg_i. *)
Theorem R5_unrolled_bound n (lam eps : nat -> R) (mu : nat -> nat -> R) (p0 : nat -> R)
  (phat q : nat -> nat -> R) (i : nat) :
  (forall i' j, (i' <= i)%nat -> (j < i')%nat -> 0 <= mu i' j) ->
  (forall i', (i' <= i)%nat -> lam i' + sumn i' (mu i') = 1) ->
  (forall i' k, (i' <= i)%nat -> (k < n)%nat ->
     q i' k = lam i' * p0 k + sumn i' (fun j => mu i' j * phat j k)) ->
  (forall j, (j <= i)%nat -> TV n (phat j) (q j) <= eps j) ->
  TV n (phat i) p0 <= Bg mu eps i.
Proof.
  intros Hmu Hsum Hq Hev.
  assert (H : forall m i', (i' <= m)%nat -> (i' <= i)%nat -> TV n (phat i') p0 <= Bg mu eps i').
  { induction m as [|m IH]; intros i' Him Hii;
      (eapply Rle_trans;
       [apply (R2_one_step_general n i' (lam i') (mu i') (eps i') p0 phat (q i') (phat i'));
        [ intros j Hj; apply Hmu; lia
        | apply Hsum; lia
        | intros k Hk; apply Hq; lia
        | apply Hev; lia ]
       | rewrite (R5_Bg_eq mu eps i'); apply Rplus_le_compat_l; apply sumn_le; intros j Hj ]).
    - lia.
    - apply Rmult_le_compat_l; [apply Hmu; lia|]. apply IH; lia. }
  apply (H i); lia.
Qed.

(** R5 accumulate, unrolled: r > 0 real samples and s_j >= 0 synthetic samples of each
    earlier generation j, N_i = r + sum_{j<i} s_j, lam_i = r/N_i, mu_{i,j} = s_j/N_i.
    On the event that every generation j <= i met its eps_j:
    TV(phat_i, p0) <= Bg_i with these weights. *)
Theorem R5_accumulate_unrolled n (r : R) (s eps : nat -> R) (p0 : nat -> R)
  (phat q : nat -> nat -> R) (i : nat) :
  0 < r -> (forall j, 0 <= s j) ->
  (forall i' k, (i' <= i)%nat -> (k < n)%nat ->
     q i' k = r / (r + sumn i' s) * p0 k
              + sumn i' (fun j => s j / (r + sumn i' s) * phat j k)) ->
  (forall j, (j <= i)%nat -> TV n (phat j) (q j) <= eps j) ->
  TV n (phat i) p0 <= Bg (fun i' j => s j / (r + sumn i' s)) eps i.
Proof.
  intros Hr Hs Hq Hev.
  assert (HN : forall i', 0 < r + sumn i' s).
  { intros i'. pose proof (sumn_nonneg i' s (fun j _ => Hs j)). lra. }
  apply (R5_unrolled_bound n (fun i' => r / (r + sumn i' s)) eps _ p0 phat q i); auto.
  - intros i' j _ _. apply Rmult_le_pos; [apply Hs|]. left. apply Rinv_0_lt_compat, HN.
  - intros i' _. unfold Rdiv. rewrite sumn_scal_r.
    rewrite <- Rmult_plus_distr_r. field. apply Rgt_not_eq, HN.
Qed.

(** The schedule of [bound --scenario accumulate]: a constant s >= 0 synthetic samples
    per earlier generation, N_i = r + i s, mu_{i,j} = s/(r + i s). *)
Corollary R5_accumulate_constant n (r s : R) (eps : nat -> R) (p0 : nat -> R)
  (phat q : nat -> nat -> R) (i : nat) :
  0 < r -> 0 <= s ->
  (forall i' k, (i' <= i)%nat -> (k < n)%nat ->
     q i' k = r / (r + INR i' * s) * p0 k
              + sumn i' (fun j => s / (r + INR i' * s) * phat j k)) ->
  (forall j, (j <= i)%nat -> TV n (phat j) (q j) <= eps j) ->
  TV n (phat i) p0 <= Bg (fun i' _ => s / (r + INR i' * s)) eps i.
Proof.
  intros Hr Hs Hq Hev.
  assert (E : forall i', r + sumn i' (fun _ => s) = r + INR i' * s)
    by (intros; rewrite sumn_const; reflexivity).
  rewrite (Bg_ext (fun i' _ => s / (r + INR i' * s))
             (fun i' j => (fun _ : nat => s) j / (r + sumn i' (fun _ => s))))
    by (intros; rewrite E; reflexivity).
  apply (R5_accumulate_unrolled n r (fun _ => s) eps p0 phat q i Hr (fun _ => Hs)); [|exact Hev].
  intros i' k Hi Hk. rewrite E. apply Hq; assumption.
Qed.
