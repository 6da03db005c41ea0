(** * Finite distributions and total variation distance

    A distribution on [n] atoms is a function [nat -> R]; only the values at
    [0 .. n-1] matter.  [TV n p q = 1/2 * sum_{k<n} |p k - q k|].  Most results
    below hold for arbitrary vectors (signed measures); [is_dist] records the
    probability-distribution constraints where they are needed. *)

From Coq Require Import Reals Lra Lia.
Open Scope R_scope.

(** ** Finite sums: [sumn n f = f 0 + ... + f (n-1)] *)

Fixpoint sumn (n : nat) (f : nat -> R) : R :=
  match n with
  | O => 0
  | S n' => sumn n' f + f n'
  end.

Lemma sumn_S n f : sumn (S n) f = sumn n f + f n.
Proof. reflexivity. Qed.

Lemma sumn_0 f : sumn 0 f = 0.
Proof. reflexivity. Qed.

Lemma sumn_ext n f g :
  (forall k, (k < n)%nat -> f k = g k) -> sumn n f = sumn n g.
Proof.
  induction n as [|n IH]; intros H; simpl; [reflexivity|].
  rewrite IH by (intros; apply H; lia). rewrite (H n) by lia. reflexivity.
Qed.

Lemma sumn_plus n f g :
  sumn n (fun k => f k + g k) = sumn n f + sumn n g.
Proof. induction n; simpl; [lra| rewrite IHn; lra]. Qed.

Lemma sumn_minus n f g :
  sumn n (fun k => f k - g k) = sumn n f - sumn n g.
Proof. induction n; simpl; [lra| rewrite IHn; lra]. Qed.

Lemma sumn_scal n c f :
  sumn n (fun k => c * f k) = c * sumn n f.
Proof. induction n; simpl; [lra| rewrite IHn; lra]. Qed.

Lemma sumn_scal_r n c f :
  sumn n (fun k => f k * c) = sumn n f * c.
Proof. induction n; simpl; [lra| rewrite IHn; lra]. Qed.

Lemma sumn_const n c : sumn n (fun _ => c) = INR n * c.
Proof.
  induction n; simpl sumn; [simpl; lra|]. rewrite IHn, S_INR. lra.
Qed.

Lemma sumn_zero n : sumn n (fun _ => 0) = 0.
Proof. rewrite sumn_const. lra. Qed.

Lemma sumn_le n f g :
  (forall k, (k < n)%nat -> f k <= g k) -> sumn n f <= sumn n g.
Proof.
  induction n as [|n IH]; intros H; simpl; [lra|].
  assert (sumn n f <= sumn n g) by (apply IH; intros; apply H; lia).
  assert (f n <= g n) by (apply H; lia). lra.
Qed.

Lemma sumn_nonneg n f :
  (forall k, (k < n)%nat -> 0 <= f k) -> 0 <= sumn n f.
Proof.
  intros H. rewrite <- (sumn_zero n). apply sumn_le. exact H.
Qed.

Lemma sumn_abs n f : Rabs (sumn n f) <= sumn n (fun k => Rabs (f k)).
Proof.
  induction n; simpl.
  - rewrite Rabs_R0. lra.
  - eapply Rle_trans; [apply Rabs_triang|]. lra.
Qed.

(** Exchange of two finite sums. *)
Lemma sumn_swap n m (f : nat -> nat -> R) :
  sumn n (fun k => sumn m (fun j => f j k)) =
  sumn m (fun j => sumn n (fun k => f j k)).
Proof.
  induction n; simpl.
  - rewrite sumn_zero. reflexivity.
  - rewrite IHn. rewrite <- sumn_plus. reflexivity.
Qed.

(** Splitting off the first term. *)
Lemma sumn_shift n f : sumn (S n) f = f 0%nat + sumn n (fun k => f (S k)).
Proof.
  induction n; simpl in *; [lra|]. rewrite IHn. lra.
Qed.

(** ** Cauchy-Schwarz for finite sums *)

(** (sum_a c_a)^2 <= (sum_a c_a^2 / w_a) (sum_a w_a) for w_a > 0, from
    sum_a sum_b (c_a w_b - c_b w_a)^2 / (w_a w_b) >= 0. *)
Lemma sumn_cauchy_schwarz_weighted n (c w : nat -> R) :
  (forall a, (a < n)%nat -> 0 < w a) ->
  (sumn n c) ^ 2 <= sumn n (fun a => c a ^ 2 / w a) * sumn n w.
Proof.
  intros Hw.
  assert (H : 0 <= sumn n (fun a => sumn n (fun b => (c a * w b - c b * w a) ^ 2 / (w a * w b)))).
  { apply sumn_nonneg. intros a Ha. apply sumn_nonneg. intros b Hb.
    apply Rmult_le_pos; [apply pow2_ge_0|].
    left. apply Rinv_0_lt_compat. apply Rmult_lt_0_compat; apply Hw; assumption. }
  set (S2 := sumn n (fun a => c a ^ 2 / w a)). set (S := sumn n c). set (W := sumn n w).
  rewrite (sumn_ext n _ (fun a => c a ^ 2 / w a * W - 2 * c a * S + w a * S2)) in H.
  - rewrite sumn_plus, sumn_minus, !sumn_scal_r, sumn_scal in H. fold S2 S W in H. nra.
  - intros a Ha. pose proof (Hw a Ha).
    rewrite (sumn_ext n _ (fun b => c a ^ 2 / w a * w b - 2 * c a * c b + w a * (c b ^ 2 / w b))).
    + rewrite sumn_plus, sumn_minus, !sumn_scal. fold S2 S W. ring.
    + intros b Hb. pose proof (Hw b Hb). field. lra.
Qed.

(** (sum_{a<k} u_a)^2 <= k sum_{a<k} u_a^2 (weights 1). *)
Lemma sumn_cauchy_schwarz k (u : nat -> R) :
  (sumn k u) ^ 2 <= INR k * sumn k (fun a => u a ^ 2).
Proof.
  pose proof (sumn_cauchy_schwarz_weighted k u (fun _ => 1) (fun _ _ => Rlt_0_1)) as H.
  rewrite sumn_const, Rmult_1_r in H.
  rewrite (sumn_ext k (fun a => u a ^ 2 / 1) (fun a => u a ^ 2)) in H by (intros; field).
  lra.
Qed.

(** ** Distributions *)

Definition is_dist (n : nat) (p : nat -> R) : Prop :=
  (forall k, (k < n)%nat -> 0 <= p k) /\ sumn n p = 1.

(** Two-component mixture [lam * p + (1 - lam) * q]. *)
Definition mix (lam : R) (p q : nat -> R) : nat -> R :=
  fun k => lam * p k + (1 - lam) * q k.

Lemma mix_is_dist n lam p q :
  0 <= lam <= 1 -> is_dist n p -> is_dist n q -> is_dist n (mix lam p q).
Proof.
  intros Hl [Hp1 Hp2] [Hq1 Hq2]. split.
  - intros k Hk. unfold mix.
    pose proof (Hp1 k Hk). pose proof (Hq1 k Hk). nra.
  - unfold mix. rewrite sumn_plus, !sumn_scal, Hp2, Hq2. lra.
Qed.

(** ** Total variation *)

Definition TV (n : nat) (p q : nat -> R) : R :=
  / 2 * sumn n (fun k => Rabs (p k - q k)).

Lemma TV_ext n p p' q q' :
  (forall k, (k < n)%nat -> p k = p' k) ->
  (forall k, (k < n)%nat -> q k = q' k) ->
  TV n p q = TV n p' q'.
Proof.
  intros Hp Hq. unfold TV. f_equal. apply sumn_ext.
  intros k Hk. rewrite Hp, Hq by exact Hk. reflexivity.
Qed.

Lemma TV_nonneg n p q : 0 <= TV n p q.
Proof.
  unfold TV. apply Rmult_le_pos; [lra|].
  apply sumn_nonneg. intros; apply Rabs_pos.
Qed.

Lemma TV_sym n p q : TV n p q = TV n q p.
Proof.
  unfold TV. f_equal. apply sumn_ext. intros. apply Rabs_minus_sym.
Qed.

Lemma TV_self n p : TV n p p = 0.
Proof.
  unfold TV. rewrite (sumn_ext n _ (fun _ => 0)).
  - rewrite sumn_zero. lra.
  - intros. replace (p k - p k) with 0 by ring. apply Rabs_R0.
Qed.

Lemma TV_triangle n p q r : TV n p r <= TV n p q + TV n q r.
Proof.
  unfold TV. rewrite <- Rmult_plus_distr_l, <- sumn_plus.
  apply Rmult_le_compat_l; [lra|]. apply sumn_le. intros k _.
  replace (p k - r k) with ((p k - q k) + (q k - r k)) by ring.
  apply Rabs_triang.
Qed.

(** For probability distributions TV is at most 1. *)
Lemma TV_le_1 n p q : is_dist n p -> is_dist n q -> TV n p q <= 1.
Proof.
  intros [Hp1 Hp2] [Hq1 Hq2]. unfold TV.
  assert (sumn n (fun k => Rabs (p k - q k)) <= sumn n (fun k => p k + q k)).
  { apply sumn_le. intros k Hk. pose proof (Hp1 k Hk). pose proof (Hq1 k Hk).
    unfold Rabs; destruct Rcase_abs; lra. }
  rewrite sumn_plus, Hp2, Hq2 in H. lra.
Qed.
