(** * The empirical learner on k atoms, modelled: N independent draws, p_hat = counts/N

    The law of N independent draws from a distribution q on k atoms is defined as an
    expectation operator [Ex N f] = sum over all sequences a_0 .. a_{N-1} < k of
    q(a_0) ... q(a_{N-1}) f(a) (a finite weighted sum, written as N nested sums).
    From this definition alone we prove the per-atom mean and variance of the counts,
    the mean bound E||p_hat - q||_1 <= sqrt((k-1)/N) (Cauchy-Schwarz twice), the bounded
    difference 2/N of ||p_hat - q||_1 under a change of one draw, and Jensen for TV.
    McDiarmid's inequality stays [imported]: it is a Section hypothesis about this defined
    random variable (section [EpsEmpModel]). *)

From Coq Require Import Reals Lra Lia.
From Loopbound Require Import TV Propagation Learner.
Open Scope R_scope.

(** ** Finite sums: square roots and indicators (no Section hypotheses) *)

(** sum_{a<k} sqrt(y_a) <= sqrt(k sum_{a<k} y_a) for y >= 0. *)
Lemma sumn_sqrt_le k (y : nat -> R) :
  (forall a, (a < k)%nat -> 0 <= y a) ->
  sumn k (fun a => sqrt (y a)) <= sqrt (INR k * sumn k y).
Proof.
  intros Hy.
  assert (H0 : 0 <= sumn k (fun a => sqrt (y a)))
    by (apply sumn_nonneg; intros; apply sqrt_pos).
  rewrite <- (sqrt_pow2 (sumn k (fun a => sqrt (y a)))) by exact H0.
  apply sqrt_le_1_alt.
  eapply Rle_trans; [apply sumn_cauchy_schwarz|].
  right. f_equal. apply sumn_ext. intros a Ha. apply pow2_sqrt. apply Hy. exact Ha.
Qed.

Definition ind (c a : nat) : R := if (c =? a)%nat then 1 else 0.

Lemma ind_sq c a : ind c a ^ 2 = ind c a.
Proof. unfold ind. destruct (c =? a)%nat; ring. Qed.

Lemma ind_nonneg c a : 0 <= ind c a.
Proof. unfold ind. destruct (c =? a)%nat; lra. Qed.

(** sum_{b<k} f(b) [b = a] = f(a) for a < k. *)
Lemma sumn_ind k (f : nat -> R) a :
  (a < k)%nat -> sumn k (fun b => f b * ind b a) = f a.
Proof.
  induction k as [|k IH]; intros Ha; [lia|]. rewrite sumn_S. unfold ind at 2.
  destruct (Nat.eq_dec a k) as [->|Hne].
  - rewrite Nat.eqb_refl.
    rewrite (sumn_ext k _ (fun _ => 0)), sumn_zero; [ring|].
    intros b Hb. unfold ind. replace (b =? k)%nat with false by (symmetry; apply Nat.eqb_neq; lia).
    ring.
  - replace (k =? a)%nat with false by (symmetry; apply Nat.eqb_neq; lia).
    rewrite IH by lia. ring.
Qed.

(** sum_{a<k} [c = a] = 1 if c < k, else 0. *)
Lemma sumn_ind_eq k c : sumn k (ind c) = if (c <? k)%nat then 1 else 0.
Proof.
  induction k as [|k IH]; [reflexivity|]. rewrite sumn_S, IH. unfold ind.
  destruct (Nat.ltb_spec c k), (Nat.eqb_spec c k), (Nat.ltb_spec c (S k));
    first [lia | ring].
Qed.

(** sum_{a<k} [c = a] <= 1. *)
Lemma sumn_ind_le_1 k c : sumn k (ind c) <= 1.
Proof. rewrite sumn_ind_eq. destruct (c <? k)%nat; lra. Qed.

(** ** Jensen for TV on a finite probability space (no hypotheses)

    Outcomes w < M with weights pi_w >= 0 summing to 1, a distribution-valued random
    variable phat_w on n atoms, its mean (E phat)(a) = sum_w pi_w phat_w(a):
    TV(E phat, p0) <= E TV(phat, p0). *)
Theorem TV_jensen n M (pi : nat -> R) (phat : nat -> nat -> R) (p0 : nat -> R) :
  (forall w, (w < M)%nat -> 0 <= pi w) -> sumn M pi = 1 ->
  TV n (fun a => sumn M (fun w => pi w * phat w a)) p0
    <= sumn M (fun w => pi w * TV n (phat w) p0).
Proof.
  intros Hpi Hsum.
  rewrite (TV_ext n _ (mixn 0 p0 M pi phat) p0 p0)
    by (intros; unfold mixn; first [ring | reflexivity]).
  apply R1_mixture_le; [exact Hpi | lra].
Qed.

(** ** The law of N independent draws

    Every lemma of section [Draws] is generalized over the section's k, q and, where used,
    q_nonneg and q_sum (q is a distribution on the k atoms); nothing is imported. *)

Section Draws.

Variable k : nat.
Variable q : nat -> R.
(** q is a distribution on the k atoms. *)
Hypothesis q_nonneg : forall a, (a < k)%nat -> 0 <= q a.
Hypothesis q_sum : sumn k q = 1.

(** The sequence a, x_0, x_1, ... *)
Definition scons (a : nat) (x : nat -> nat) : nat -> nat :=
  fun t => match t with O => a | S t' => x t' end.

(** E f(x_0, ..., x_{N-1}) for independent x_t ~ q (coordinates t >= N are 0). *)
Fixpoint Ex (N : nat) (f : (nat -> nat) -> R) : R :=
  match N with
  | O => f (fun _ => O)
  | S N' => sumn k (fun a => q a * Ex N' (fun x => f (scons a x)))
  end.

Lemma Ex_ext N f g : (forall x, f x = g x) -> Ex N f = Ex N g.
Proof.
  revert f g. induction N as [|N IH]; intros f g H; simpl; [apply H|].
  apply sumn_ext. intros a _. f_equal. apply IH. intros. apply H.
Qed.

Lemma Ex_plus N f g : Ex N (fun x => f x + g x) = Ex N f + Ex N g.
Proof.
  revert f g. induction N as [|N IH]; intros f g; simpl; [reflexivity|].
  rewrite <- sumn_plus. apply sumn_ext. intros a _. rewrite IH. ring.
Qed.

Lemma Ex_scal N c f : Ex N (fun x => c * f x) = c * Ex N f.
Proof.
  revert f. induction N as [|N IH]; intros f; simpl; [reflexivity|].
  rewrite <- sumn_scal. apply sumn_ext. intros a _. rewrite IH. ring.
Qed.

Lemma Ex_const N c : Ex N (fun _ => c) = c.
Proof.
  induction N as [|N IH]; simpl; [reflexivity|].
  rewrite IH, sumn_scal_r, q_sum. ring.
Qed.

Lemma Ex_le N f g : (forall x, f x <= g x) -> Ex N f <= Ex N g.
Proof.
  revert f g. induction N as [|N IH]; intros f g H; simpl; [apply H|].
  apply sumn_le. intros a Ha. apply Rmult_le_compat_l; [apply q_nonneg; exact Ha|].
  apply IH. intros. apply H.
Qed.

(** The draws the law charges are valid: x_t < k for t < N. *)
Definition valid (N : nat) (x : nat -> nat) : Prop := forall t, (t < N)%nat -> (x t < k)%nat.

Lemma Ex_le_valid N f g : (forall x, valid N x -> f x <= g x) -> Ex N f <= Ex N g.
Proof.
  revert f g. induction N as [|N IH]; intros f g H; simpl.
  - apply H. intros t Ht. lia.
  - apply sumn_le. intros a Ha. apply Rmult_le_compat_l; [apply q_nonneg; exact Ha|].
    apply IH. intros x Hx. apply H. intros [|t] Ht; simpl; [exact Ha | apply Hx; lia].
Qed.

Lemma Ex_ext_valid N f g : (forall x, valid N x -> f x = g x) -> Ex N f = Ex N g.
Proof.
  intros H. apply Rle_antisym; apply Ex_le_valid; intros x Hx; rewrite H by exact Hx; lra.
Qed.

Lemma Ex_minus N f g : Ex N (fun x => f x - g x) = Ex N f - Ex N g.
Proof.
  rewrite (Ex_ext N _ (fun x => f x + -1 * g x)) by (intros; ring).
  rewrite Ex_plus, Ex_scal. ring.
Qed.

Lemma Ex_sumn N n (f : nat -> (nat -> nat) -> R) :
  Ex N (fun x => sumn n (fun a => f a x)) = sumn n (fun a => Ex N (f a)).
Proof.
  induction n as [|n IH]; simpl.
  - apply Ex_const.
  - rewrite Ex_plus, IH. reflexivity.
Qed.

Lemma Ex_abs N f : Rabs (Ex N f) <= Ex N (fun x => Rabs (f x)).
Proof.
  apply Rabs_le. split.
  - rewrite <- (Rmult_1_l (Ex N f)) at 1. replace (- Ex N (fun x => Rabs (f x)))
      with (-1 * Ex N (fun x => Rabs (f x))) by ring.
    rewrite <- !Ex_scal. apply Ex_le. intros x.
    pose proof (Rle_abs (- f x)). rewrite Rabs_Ropp in H. lra.
  - apply Ex_le. intros x. apply Rle_abs.
Qed.

(** (E|X|)^2 <= E X^2, from E(|X| - E|X|)^2 >= 0. *)
Lemma Ex_abs_sq N f : Ex N (fun x => Rabs (f x)) ^ 2 <= Ex N (fun x => f x ^ 2).
Proof.
  set (c := Ex N (fun x => Rabs (f x))).
  assert (H : 0 <= Ex N (fun x => (Rabs (f x) - c) ^ 2)).
  { rewrite <- (Ex_const N 0). apply Ex_le. intros. apply pow2_ge_0. }
  rewrite (Ex_ext N _ (fun x => f x ^ 2 + (-2 * c) * Rabs (f x) + c ^ 2)) in H.
  - rewrite !Ex_plus, Ex_scal, Ex_const in H. fold c in H. nra.
  - intros x. rewrite <- (pow2_abs (f x)). ring.
Qed.

(** E|X| <= sqrt(E X^2). *)
Lemma Ex_abs_le_sqrt N f : Ex N (fun x => Rabs (f x)) <= sqrt (Ex N (fun x => f x ^ 2)).
Proof.
  assert (H0 : 0 <= Ex N (fun x => Rabs (f x))).
  { rewrite <- (Ex_const N 0). apply Ex_le. intros. apply Rabs_pos. }
  rewrite <- (sqrt_pow2 _ H0). apply sqrt_le_1_alt. apply Ex_abs_sq.
Qed.

(** Jensen for TV on the law of N draws: TV(E phat, p0) <= E TV(phat, p0), for any
    distribution-valued function phat of the draws (e.g. counts/N). *)
Theorem Ex_TV_jensen N n (phat : (nat -> nat) -> nat -> R) (p0 : nat -> R) :
  TV n (fun a => Ex N (fun x => phat x a)) p0 <= Ex N (fun x => TV n (phat x) p0).
Proof.
  unfold TV. rewrite Ex_scal, Ex_sumn. apply Rmult_le_compat_l; [lra|].
  apply sumn_le. intros a _.
  rewrite <- (Ex_const N (p0 a)) at 1. rewrite <- Ex_minus. apply Ex_abs.
Qed.

(** ** Counts and the empirical distribution *)

(** count_a(x) = #{t < N : x_t = a} *)
Definition count (N a : nat) (x : nat -> nat) : R := sumn N (fun t => ind (x t) a).

(** p_hat(a) = count_a / N *)
Definition phat_emp (N : nat) (x : nat -> nat) (a : nat) : R := count N a x / INR N.

(** For valid draws p_hat is a distribution: its atoms sum to 1. *)
Lemma phat_emp_sum N x : (0 < N)%nat -> valid N x -> sumn k (phat_emp N x) = 1.
Proof.
  intros HN Hx. assert (HNr : 0 < INR N) by (apply lt_0_INR; exact HN).
  unfold phat_emp, count. unfold Rdiv. rewrite sumn_scal_r.
  rewrite (sumn_swap k N (fun t a => ind (x t) a)).
  rewrite (sumn_ext N _ (fun _ => 1)).
  - rewrite sumn_const. field. lra.
  - intros t Ht. rewrite sumn_ind_eq. replace (x t <? k)%nat with true; [reflexivity|].
    symmetry. apply Nat.ltb_lt. apply Hx. exact Ht.
Qed.

Lemma phat_emp_nonneg N x a : 0 <= phat_emp N x a.
Proof.
  unfold phat_emp, count. apply Rmult_le_pos.
  - apply sumn_nonneg. intros. apply ind_nonneg.
  - destruct N as [|N]; [simpl; rewrite Rinv_0; lra|].
    left. apply Rinv_0_lt_compat, lt_0_INR. lia.
Qed.

Lemma count_scons N a b x : count (S N) a (scons b x) = ind b a + count N a x.
Proof. unfold count. rewrite sumn_shift. reflexivity. Qed.

(** D_a = count_a - N q_a *)
Definition dev (N a : nat) (x : nat -> nat) : R := count N a x - INR N * q a.

Lemma dev_scons N a b x : dev (S N) a (scons b x) = (ind b a - q a) + dev N a x.
Proof. unfold dev. rewrite count_scons, S_INR. ring. Qed.

(** E count_a = N q_a, i.e. E D_a = 0 (a < k). *)
Theorem count_mean N a : (a < k)%nat -> Ex N (dev N a) = 0.
Proof.
  intros Ha. induction N as [|N IH].
  - simpl. unfold dev, count. simpl. ring.
  - simpl Ex. rewrite (sumn_ext k _ (fun b => q b * ind b a - q b * q a)).
    + rewrite sumn_minus, sumn_ind by exact Ha. rewrite sumn_scal_r, q_sum. ring.
    + intros b _. rewrite <- Rmult_minus_distr_l. f_equal. rewrite (Ex_ext N _ (fun x => (ind b a - q a) + dev N a x))
        by (intros; apply dev_scons).
      rewrite Ex_plus, Ex_const, IH. ring.
Qed.

(** Var count_a = E D_a^2 = N q_a (1 - q_a) (a < k). *)
Theorem count_variance N a : (a < k)%nat -> Ex N (fun x => dev N a x ^ 2) = INR N * (q a * (1 - q a)).
Proof.
  intros Ha. induction N as [|N IH].
  - simpl. unfold dev, count. simpl. ring.
  - simpl Ex. rewrite (sumn_ext k _ (fun b => q b * ind b a - 2 * q a * (q b * ind b a)
                                           + q a ^ 2 * q b + INR N * (q a * (1 - q a)) * q b)).
    + rewrite !sumn_plus, sumn_minus, !sumn_scal, sumn_ind, q_sum by exact Ha.
      rewrite S_INR. ring.
    + intros b _.
      rewrite (Ex_ext N _ (fun x => (ind b a - q a) ^ 2 + (2 * (ind b a - q a)) * dev N a x
                                    + dev N a x ^ 2))
        by (intros; rewrite dev_scons; ring).
      rewrite !Ex_plus, Ex_const, Ex_scal, count_mean, IH by exact Ha.
      replace ((ind b a - q a) ^ 2) with (ind b a ^ 2 - 2 * q a * ind b a + q a ^ 2) by ring.
      rewrite ind_sq. ring.
Qed.

(** E|p_hat(a) - q(a)| <= sqrt(q_a (1 - q_a) / N). *)
Lemma atom_mean_bound N a :
  (0 < N)%nat -> (a < k)%nat ->
  Ex N (fun x => Rabs (phat_emp N x a - q a)) <= sqrt (q a * (1 - q a) / INR N).
Proof.
  intros HN Ha. assert (HNr : 0 < INR N) by (apply lt_0_INR; exact HN).
  rewrite (Ex_ext N _ (fun x => / INR N * Rabs (dev N a x))).
  2:{ intros x. unfold phat_emp, dev.
      replace (count N a x / INR N - q a) with (/ INR N * (count N a x - INR N * q a))
        by (field; lra).
      rewrite Rabs_mult, Rabs_pos_eq by (left; apply Rinv_0_lt_compat; exact HNr).
      reflexivity. }
  rewrite Ex_scal. eapply Rle_trans.
  - apply Rmult_le_compat_l; [left; apply Rinv_0_lt_compat; exact HNr|].
    apply Ex_abs_le_sqrt.
  - rewrite count_variance by exact Ha.
    right. rewrite <- (sqrt_pow2 (/ INR N)) at 1 by (left; apply Rinv_0_lt_compat; lra).
    rewrite <- sqrt_mult_alt by (apply pow2_ge_0).
    f_equal. field. lra.
Qed.

(** Z = ||p_hat - q||_1 = sum_{a<k} |count_a/N - q_a|. *)
Definition L1emp (N : nat) (x : nat -> nat) : R :=
  sumn k (fun a => Rabs (phat_emp N x a - q a)).

(** EPS-EMP mean bound: E||p_hat - q||_1 <= sqrt((k-1)/N).  Generalized over the
    section's k, q, q_nonneg, q_sum (q is a distribution on k atoms). *)
Theorem EPS_EMP_mean_bound N :
  (0 < N)%nat -> Ex N (L1emp N) <= sqrt ((INR k - 1) / INR N).
Proof.
  intros HN. assert (HNr : 0 < INR N) by (apply lt_0_INR; exact HN).
  unfold L1emp. rewrite Ex_sumn.
  eapply Rle_trans; [apply sumn_le; intros a Ha; apply atom_mean_bound; assumption|].
  assert (Hy : forall a, (a < k)%nat -> 0 <= q a * (1 - q a) / INR N).
  { intros a Ha. apply Rmult_le_pos; [|left; apply Rinv_0_lt_compat; exact HNr].
    assert (q a <= 1).
    { rewrite <- q_sum, <- (sumn_ind k q a Ha). apply sumn_le. intros b Hb.
      pose proof (q_nonneg b Hb). unfold ind. destruct (b =? a)%nat; lra. }
    pose proof (q_nonneg a Ha). nra. }
  eapply Rle_trans; [apply sumn_sqrt_le; exact Hy|].
  apply sqrt_le_1_alt.
  (* k sum_a q_a (1 - q_a) / N = k (1 - sum q^2) / N <= (k - 1)/N since k sum q^2 >= 1 *)
  pose proof (sumn_cauchy_schwarz k q) as Hcs. rewrite q_sum in Hcs.
  rewrite (sumn_ext k _ (fun a => / INR N * q a - / INR N * q a ^ 2)) by (intros; field; lra).
  rewrite sumn_minus, !sumn_scal, q_sum.
  replace ((INR k - 1) / INR N) with (/ INR N * (INR k - 1)) by (field; lra).
  assert (0 < / INR N) by (apply Rinv_0_lt_compat; exact HNr).
  replace (INR k * (/ INR N * 1 - / INR N * sumn k (fun a => q a ^ 2)))
    with (/ INR N * (INR k - INR k * sumn k (fun a => q a ^ 2))) by ring.
  apply Rmult_le_compat_l; lra.
Qed.

(** Bounded difference: if x and x' differ only in draw t0 < N, then
    |Z(x) - Z(x')| <= 2/N.  Generalized over the section's k, q (the hypotheses on q
    are not used). *)
Theorem L1emp_bounded_difference N (x x' : nat -> nat) (t0 : nat) :
  (0 < N)%nat -> (t0 < N)%nat ->
  (forall t, (t < N)%nat -> t <> t0 -> x t = x' t) ->
  Rabs (L1emp N x - L1emp N x') <= 2 / INR N.
Proof.
  intros HN Ht0 Hx. assert (HNr : 0 < INR N) by (apply lt_0_INR; exact HN).
  assert (Hc : forall a, count N a x - count N a x' = ind (x t0) a - ind (x' t0) a).
  { intros a. unfold count. rewrite <- sumn_minus.
    assert (G : forall n, (n <= N)%nat -> sumn n (fun t => ind (x t) a - ind (x' t) a)
                  = if (t0 <? n)%nat then ind (x t0) a - ind (x' t0) a else 0).
    { induction n as [|n IH]; intros Hn; [reflexivity|]. rewrite sumn_S, IH by lia.
      destruct (Nat.ltb_spec t0 n), (Nat.ltb_spec t0 (S n)); try lia.
      - rewrite (Hx n) by lia. ring.
      - replace n with t0 by lia. ring.
      - rewrite (Hx n) by lia. ring. }
    rewrite G by lia. replace (t0 <? N)%nat with true by (symmetry; apply Nat.ltb_lt; exact Ht0).
    reflexivity. }
  unfold L1emp. rewrite <- sumn_minus.
  eapply Rle_trans; [apply sumn_abs|].
  eapply Rle_trans.
  - apply (sumn_le k _ (fun a => / INR N * (ind (x t0) a + ind (x' t0) a))).
    intros a _.
    eapply Rle_trans; [apply Rabs_triang_inv2|].
    replace (phat_emp N x a - q a - (phat_emp N x' a - q a))
      with (/ INR N * (count N a x - count N a x')) by (unfold phat_emp; field; lra).
    rewrite Hc, Rabs_mult, Rabs_pos_eq by (left; apply Rinv_0_lt_compat; exact HNr).
    apply Rmult_le_compat_l; [left; apply Rinv_0_lt_compat; exact HNr|].
    eapply Rle_trans; [apply Rabs_triang|]. rewrite Rabs_Ropp, !Rabs_pos_eq by apply ind_nonneg.
    lra.
  - rewrite sumn_scal, sumn_plus.
    pose proof (sumn_ind_le_1 k (x t0)). pose proof (sumn_ind_le_1 k (x' t0)).
    replace (2 / INR N) with (/ INR N * 2) by (field; lra).
    apply Rmult_le_compat_l; [left; apply Rinv_0_lt_compat; exact HNr |].
    lra.
Qed.

End Draws.

(** ** EPS-EMP on the modelled learner

    The probability of an event A of the draws is the expectation of its indicator; the
    indicator is 1 exactly when A holds (up to double negation), decided by
    [ClassicalDedekindReals.sig_not_dec], one of the axioms of Coq's reals. *)

(** The indicator of a proposition: 1 when it holds (up to double negation). *)
Definition indP (A : Prop) : R := if ClassicalDedekindReals.sig_not_dec A then 1 else 0.

Section EpsEmpModel.

Variable k : nat.
Variable q : nat -> R.
Hypothesis q_nonneg : forall a, (a < k)%nat -> 0 <= q a.
Hypothesis q_sum : sumn k q = 1.
Variable N : nat.

Definition Pr (A : (nat -> nat) -> Prop) : R := Ex k q N (fun x => indP (A x)).

Lemma Pr_mono (A B : (nat -> nat) -> Prop) : (forall x, A x -> B x) -> Pr A <= Pr B.
Proof.
  intros H. unfold Pr, indP. apply Ex_le; [exact q_nonneg|]. intros x.
  destruct (ClassicalDedekindReals.sig_not_dec (A x)) as [a|a],
           (ClassicalDedekindReals.sig_not_dec (B x)) as [b|b]; try lra.
  exfalso. apply a. intros Ha. apply b. apply H. exact Ha.
Qed.

Lemma Pr_compl (A : (nat -> nat) -> Prop) : Pr (fun x => ~ A x) = 1 - Pr A.
Proof.
  unfold Pr, indP.
  rewrite (Ex_ext k q N _ (fun x => 1 - (if ClassicalDedekindReals.sig_not_dec (A x) then 1 else 0))).
  { rewrite Ex_minus, Ex_const by exact q_sum. reflexivity. }
  intros x.
  destruct (ClassicalDedekindReals.sig_not_dec (~ A x)) as [a|a],
           (ClassicalDedekindReals.sig_not_dec (A x)) as [b|b]; try ring.
  - exfalso. apply a. exact b.
  - exfalso. apply a. exact b.
Qed.

(** The statement of McDiarmid's bounded-differences inequality (C. McDiarmid, "On the
    method of bounded differences", Surveys in Combinatorics 1989, Theorem 3.1 (Lemma 1.2))
    for the law of N independent draws from q: for functions of the draws whose value
    changes by at most c when one draw changes, P(f - E f >= t) <= exp(-2 t^2 / (N c^2)).
    Only a definition ([McDiarmid_ineq k q N] after the section): wherever it is used it
    is a hypothesis ([imported]). *)
Definition McDiarmid_ineq : Prop :=
  forall (f : (nat -> nat) -> R) (c : R), 0 < c ->
  (forall x x' t0, (t0 < N)%nat -> (forall t, (t < N)%nat -> t <> t0 -> x t = x' t) ->
     Rabs (f x - f x') <= c) ->
  forall t, 0 < t -> Pr (fun x => f x - Ex k q N f >= t) <= exp (- (2 * t ^ 2) / (INR N * c ^ 2)).

Hypothesis HN : (0 < N)%nat.

(** [imported] McDiarmid's inequality for the N draws from q. *)
Hypothesis McDiarmid : McDiarmid_ineq.

(** McDiarmid applied to Z = ||p_hat - q||_1 with c = 2/N (L1emp_bounded_difference). *)
Lemma McDiarmid_L1emp : forall t, 0 < t ->
  Pr (fun x => L1emp k q N x - Ex k q N (L1emp k q N) >= t)
    <= exp (- (2 * t ^ 2) / (INR N * (2 / INR N) ^ 2)).
Proof.
  intros t Ht. apply (McDiarmid (L1emp k q N) (2 / INR N)); [| |exact Ht].
  - apply Rdiv_lt_0_compat; [lra | apply lt_0_INR; exact HN].
  - intros x x' t0 Ht0 Hx. apply (L1emp_bounded_difference k q N x x' t0); assumption.
Qed.

(** EPS-EMP for p_hat = counts/N of N independent draws from q:
    P(TV(p_hat, q) > eps(N, delta, k)) <= delta.  Generalized over the section's k, q,
    q_nonneg, q_sum, N, HN and the [imported] McDiarmid; the mean bound and the bounded
    differences are proved (EPS_EMP_mean_bound, L1emp_bounded_difference). *)
Theorem EPS_EMP_model delta :
  0 < delta < 1 ->
  Pr (fun x => TV k (phat_emp N x) q > eps_emp N delta k) <= delta.
Proof.
  intros Hd.
  apply (EPS_EMP_bound (nat -> nat) Pr Pr_mono k N HN q (fun x => phat_emp N x)
           (Ex k q N (L1emp k q N)) (EPS_EMP_mean_bound k q q_nonneg q_sum N HN)); [|exact Hd].
  exact McDiarmid_L1emp.
Qed.

(** The same with probability >= 1 - delta. *)
Corollary EPS_EMP_model_compl delta :
  0 < delta < 1 ->
  Pr (fun x => TV k (phat_emp N x) q <= eps_emp N delta k) >= 1 - delta.
Proof.
  intros Hd.
  apply (EPS_EMP_bound_compl (nat -> nat) Pr Pr_mono k N HN q (fun x => phat_emp N x)
           (Ex k q N (L1emp k q N)) (EPS_EMP_mean_bound k q q_nonneg q_sum N HN)); [| |exact Hd].
  - exact McDiarmid_L1emp.
  - exact Pr_compl.
Qed.

End EpsEmpModel.

(** ** Random targets: conditioning on the earlier generations

    In the loop, generation j's target q_j is itself random: it depends on the history h
    of the earlier generations.  Given h, generation j draws N independent samples from
    q_j(h).  With the history on a finite set {0..H-1} with law pi, the joint probability
    of an event A(h, x) is sum_h pi_h P_{q_j(h)}(A(h, .)) (law of total probability; this
    is the definition of the joint law here).  Since EPS-EMP holds for every fixed target,
    it holds for the random one. *)

Section RandomTarget.

Variables k N : nat.
Hypothesis HN : (0 < N)%nat.
(** [imported] McDiarmid (as in [EpsEmpModel]), for every distribution q on the k atoms. *)
Hypothesis McDiarmid_all :
  forall q : nat -> R, (forall a, (a < k)%nat -> 0 <= q a) -> sumn k q = 1 -> McDiarmid_ineq k q N.

Variable H : nat.
Variable pi : nat -> R.
Hypothesis pi_nonneg : forall h, (h < H)%nat -> 0 <= pi h.
Hypothesis pi_sum : sumn H pi = 1.
Variable qh : nat -> nat -> R.
Hypothesis qh_nonneg : forall h a, (h < H)%nat -> (a < k)%nat -> 0 <= qh h a.
Hypothesis qh_sum : forall h, (h < H)%nat -> sumn k (qh h) = 1.

(** EPS-EMP with a random target: P(TV(phat_j, q_j) > eps(N, delta, k)) <= delta under the
    joint law of the history and the draws.  Generalized over the section's k, N, HN,
    McDiarmid_all ([imported]), H, pi, pi_nonneg, pi_sum, qh, qh_nonneg, qh_sum. *)
Theorem EPS_EMP_random_target delta :
  0 < delta < 1 ->
  sumn H (fun h => pi h * Pr k (qh h) N (fun x => TV k (phat_emp N x) (qh h) > eps_emp N delta k))
    <= delta.
Proof.
  intros Hd. apply Rle_trans with (sumn H (fun h => pi h * delta)).
  2:{ rewrite sumn_scal_r, pi_sum. lra. }
  apply sumn_le. intros h Hh.
  apply Rmult_le_compat_l; [apply pi_nonneg; exact Hh|].
  apply (EPS_EMP_model k (qh h) (fun a Ha => qh_nonneg h a Hh Ha) (qh_sum h Hh) N HN).
  - apply McDiarmid_all; [intros a Ha; apply qh_nonneg; assumption | apply qh_sum; exact Hh].
  - exact Hd.
Qed.

End RandomTarget.
