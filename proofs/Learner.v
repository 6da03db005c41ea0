(** * The empirical learner on k atoms (theory.md section 6)

    p_hat = counts / N for N independent samples of a target q on k atoms.
    [imported]: McDiarmid's bounded-differences inequality (McDiarmid 1989),
    used for Z = ||p_hat - q||_1, whose bounded differences are c_i = 2/N;
    and the mean bound E||p_hat - q||_1 <= sqrt((k-1)/N) (Cauchy-Schwarz on the
    per-atom standard deviations).  Both are section hypotheses, hence premises
    of every theorem below.  The probability [P] is an abstract monotone set
    function on events of an abstract sample space. *)

From Coq Require Import Reals Lra Lia.
From Loopbound Require Import TV Propagation.
Open Scope R_scope.

(** eps(N, delta, k) = 1/2 (sqrt((k-1)/N) + sqrt(2 ln(1/delta)/N)) *)
Definition eps_emp (N : nat) (delta : R) (k : nat) : R :=
  / 2 * (sqrt ((INR k - 1) / INR N) + sqrt (2 * ln (/ delta) / INR N)).

(** McDiarmid exponent with c_i = 2/N for the N samples: 2t^2 / sum c_i^2 = N t^2 / 2. *)
Lemma EPS_EMP_exponent (N : nat) t :
  (0 < N)%nat -> - (2 * t ^ 2) / (INR N * (2 / INR N) ^ 2) = - (INR N * t ^ 2) / 2.
Proof.
  intros HN. assert (0 < INR N) by (apply lt_0_INR; exact HN). field. lra.
Qed.

(** Solving exp(-N t^2/2) = delta for t >= 0 gives t = sqrt(2 ln(1/delta)/N). *)
Lemma EPS_EMP_solve (N : nat) delta t :
  (0 < N)%nat -> 0 < delta < 1 -> 0 <= t ->
  (exp (- (INR N * t ^ 2) / 2) = delta <-> t = sqrt (2 * ln (/ delta) / INR N)).
Proof.
  intros HN Hd Ht. assert (HNr : 0 < INR N) by (apply lt_0_INR; exact HN).
  assert (Hl : 0 < ln (/ delta)).
  { rewrite <- ln_1. apply ln_increasing; [lra|].
    rewrite <- Rinv_1. apply Rinv_lt_contravar; lra. }
  rewrite ln_Rinv in * by lra.
  split; intros H.
  - assert (Hx : - (INR N * t ^ 2) / 2 = ln delta) by (rewrite <- H, ln_exp; reflexivity).
    assert (Ht2 : t ^ 2 = 2 * - ln delta / INR N).
    { apply Rmult_eq_reg_r with (INR N); [|lra].
      replace (2 * - ln delta / INR N * INR N) with (2 * - ln delta) by (field; lra).
      replace (ln delta) with (- (INR N * t ^ 2) / 2) by exact Hx. field. }
    rewrite <- Ht2. rewrite sqrt_pow2 by lra. reflexivity.
  - assert (Ht2 : t ^ 2 = 2 * - ln delta / INR N).
    { rewrite H. rewrite pow2_sqrt; [reflexivity|].
      apply Rmult_le_pos; [lra|]. left. apply Rinv_0_lt_compat. exact HNr. }
    rewrite Ht2. replace (- (INR N * (2 * - ln delta / INR N)) / 2) with (ln delta) by (field; lra).
    apply exp_ln. lra.
Qed.

Section EmpiricalLearner.

Variable Omega : Type.
Variable P : (Omega -> Prop) -> R.
Hypothesis P_mono : forall A B : Omega -> Prop, (forall w, A w -> B w) -> P A <= P B.

Variables (k N : nat).
Hypothesis HN : (0 < N)%nat.
Variable q : nat -> R.
Variable phat : Omega -> nat -> R.

(** Z = ||p_hat - q||_1 = 2 TV(p_hat, q) *)
Definition L1dev (w : Omega) : R := sumn k (fun a => Rabs (phat w a - q a)).

(** E Z, as a number *)
Variable EZ : R.
(** [imported] E||p_hat - q||_1 <= sqrt((k-1)/N) *)
Hypothesis mean_bound : EZ <= sqrt ((INR k - 1) / INR N).
(** [imported] McDiarmid's inequality, bounded differences c_i = 2/N, i = 1..N:
    P(Z - E Z >= t) <= exp(-2 t^2 / sum_i c_i^2). *)
Hypothesis McDiarmid : forall t, 0 < t ->
  P (fun w => L1dev w - EZ >= t) <= exp (- (2 * t ^ 2) / (INR N * (2 / INR N) ^ 2)).

(** EPS-EMP: P(TV(p_hat, q) > eps(N, delta, k)) <= delta. *)
Theorem EPS_EMP_bound delta :
  0 < delta < 1 ->
  P (fun w => TV k (phat w) q > eps_emp N delta k) <= delta.
Proof.
  intros Hd. assert (HNr : 0 < INR N) by (apply lt_0_INR; exact HN).
  set (t := sqrt (2 * ln (/ delta) / INR N)).
  assert (Hl : 0 < ln (/ delta)).
  { rewrite <- ln_1. apply ln_increasing; [lra|].
    rewrite <- Rinv_1. apply Rinv_lt_contravar; lra. }
  assert (Ht : 0 < t).
  { apply sqrt_lt_R0. apply Rdiv_lt_0_compat; lra. }
  eapply Rle_trans.
  - apply (P_mono _ (fun w => L1dev w - EZ >= t)).
    intros w Hw. unfold TV, eps_emp in Hw. fold t in Hw. unfold L1dev. lra.
  - eapply Rle_trans; [apply McDiarmid; exact Ht|].
    rewrite EPS_EMP_exponent by exact HN.
    right. apply EPS_EMP_solve; [exact HN | exact Hd | lra | reflexivity].
Qed.

(** With complements: w.p. >= 1 - delta, TV(p_hat, q) <= eps(N, delta, k). *)
Hypothesis P_compl : forall A : Omega -> Prop, P (fun w => ~ A w) = 1 - P A.

Corollary EPS_EMP_bound_compl delta :
  0 < delta < 1 ->
  P (fun w => TV k (phat w) q <= eps_emp N delta k) >= 1 - delta.
Proof.
  intros Hd.
  assert (H1 : P (fun w => ~ (TV k (phat w) q > eps_emp N delta k)) <=
               P (fun w => TV k (phat w) q <= eps_emp N delta k)).
  { apply P_mono. intros w Hw. apply Rnot_lt_le. exact Hw. }
  rewrite P_compl in H1. pose proof (EPS_EMP_bound delta Hd). lra.
Qed.

End EmpiricalLearner.

(** ** R3 with the union bound: probability >= 1 - (i+1) delta *)

Section UnionBound.

Variable Omega : Type.
Variable P : (Omega -> Prop) -> R.
Hypothesis P_mono : forall A B : Omega -> Prop, (forall w, A w -> B w) -> P A <= P B.
Hypothesis P_union : forall A B : Omega -> Prop, P (fun w => A w \/ B w) <= P A + P B.

Lemma P_union_n (A : nat -> Omega -> Prop) (i : nat) :
  P (fun w => exists j, (j <= i)%nat /\ A j w) <= sumn (S i) (fun j => P (A j)).
Proof.
  induction i as [|i IH].
  - simpl. rewrite Rplus_0_l. apply P_mono. intros w [j [Hj HA]].
    replace j with O in HA by lia. exact HA.
  - rewrite sumn_S. eapply Rle_trans; [|apply Rplus_le_compat_r; exact IH].
    eapply Rle_trans; [|apply P_union]. apply P_mono.
    intros w [j [Hj HA]]. destruct (Nat.eq_dec j (S i)) as [->|Hne].
    + right. exact HA.
    + left. exists j. split; [lia | exact HA].
Qed.

Lemma exists_or_forall (A : nat -> Prop) (dec : forall j, A j \/ ~ A j) (i : nat) :
  (exists j, (j <= i)%nat /\ A j) \/ (forall j, (j <= i)%nat -> ~ A j).
Proof.
  induction i as [|i IH].
  - destruct (dec O) as [H|H].
    + left. exists O. split; [lia | exact H].
    + right. intros j Hj. replace j with O by lia. exact H.
  - destruct IH as [[j [Hj HA]]|Hall].
    + left. exists j. split; [lia | exact HA].
    + destruct (dec (S i)) as [H|H].
      * left. exists (S i). split; [lia | exact H].
      * right. intros j Hj. destruct (Nat.eq_dec j (S i)) as [->|Hne]; [exact H|].
        apply Hall. lia.
Qed.

(** The union bound over generations 0..i: if Y w <= c holds on every outcome where all
    X_j w <= e_j (j <= i), and each X_j > e_j has probability at most delta, then
    P(Y > c) <= (i+1) delta. *)
Lemma union_bound_events (X : nat -> Omega -> R) (e : nat -> R) (Y : Omega -> R) (c delta : R)
  (i : nat) :
  (forall w, (forall j, (j <= i)%nat -> X j w <= e j) -> Y w <= c) ->
  (forall j, (j <= i)%nat -> P (fun w => X j w > e j) <= delta) ->
  P (fun w => Y w > c) <= (INR i + 1) * delta.
Proof.
  intros Hgood Hd.
  eapply Rle_trans.
  - apply (P_mono _ (fun w => exists j, (j <= i)%nat /\ X j w > e j)).
    intros w Hw.
    destruct (exists_or_forall (fun j => X j w > e j)
                (fun j => match Rgt_dec (X j w) (e j) with
                          | left h => or_introl h | right h => or_intror h end) i)
      as [Hex|Hno]; [exact Hex|].
    exfalso.
    assert (Y w <= c); [|lra].
    apply Hgood. intros j Hj. apply Rnot_lt_le. apply Hno. exact Hj.
  - eapply Rle_trans; [apply P_union_n|].
    rewrite <- (Rmult_1_l delta) at 1. rewrite <- S_INR, <- sumn_const.
    apply sumn_le. intros j Hj. rewrite Rmult_1_l. apply Hd. lia.
Qed.

(** If each generation j <= i misses its eps_j with probability at most delta,
    then P(TV(phat_i, p0) > B_i) <= (i+1) delta. *)
Theorem R3_union_bound n (lam eps : nat -> R) (p0 : nat -> R)
  (phat q : nat -> Omega -> nat -> R) (delta : R) (i : nat) :
  (forall w k, (k < n)%nat -> q O w k = p0 k) ->
  (forall j, 0 <= lam (S j) <= 1) ->
  (forall j w k, (k < n)%nat ->
     q (S j) w k = lam (S j) * p0 k + (1 - lam (S j)) * phat j w k) ->
  (forall j, (j <= i)%nat -> P (fun w => TV n (phat j w) (q j w) > eps j) <= delta) ->
  P (fun w => TV n (phat i w) p0 > B lam eps i) <= (INR i + 1) * delta.
Proof.
  intros Hq0 Hl Hq Hd.
  apply (union_bound_events (fun j w => TV n (phat j w) (q j w)) eps); [|exact Hd].
  intros w Hev.
  apply (R3_unrolled_bound n lam eps p0 (fun j => phat j w) (fun j => q j w) i).
  - intros k Hk. apply Hq0. exact Hk.
  - exact Hl.
  - intros j k Hk. apply Hq. exact Hk.
  - exact Hev.
Qed.

(** R5 with the union bound: if each generation j <= i misses its eps_j with
    probability at most delta, then with the general weights of R5
    (mu_{i',j} >= 0, lam_{i'} + sum_{j<i'} mu_{i',j} = 1,
    q_{i'} = lam_{i'} p0 + sum_{j<i'} mu_{i',j} phat_j on every outcome, i' <= i),
    P(TV(phat_i, p0) > Bg_i) <= (i+1) delta.  Generalized over the section's
    Omega, P, P_mono, P_union (as R3_union_bound). *)
Theorem R5_union_bound n (lam eps : nat -> R) (mu : nat -> nat -> R) (p0 : nat -> R)
  (phat q : nat -> Omega -> nat -> R) (delta : R) (i : nat) :
  (forall i' j, (i' <= i)%nat -> (j < i')%nat -> 0 <= mu i' j) ->
  (forall i', (i' <= i)%nat -> lam i' + sumn i' (mu i') = 1) ->
  (forall i' w k, (i' <= i)%nat -> (k < n)%nat ->
     q i' w k = lam i' * p0 k + sumn i' (fun j => mu i' j * phat j w k)) ->
  (forall j, (j <= i)%nat -> P (fun w => TV n (phat j w) (q j w) > eps j) <= delta) ->
  P (fun w => TV n (phat i w) p0 > Bg mu eps i) <= (INR i + 1) * delta.
Proof.
  intros Hmu Hsum Hq Hd.
  apply (union_bound_events (fun j w => TV n (phat j w) (q j w)) eps); [|exact Hd].
  intros w Hev.
  apply (R5_unrolled_bound n lam eps mu p0 (fun j => phat j w) (fun j => q j w) i Hmu Hsum);
    [|exact Hev].
  intros i' k Hi Hk. apply Hq; assumption.
Qed.

End UnionBound.
