(** * Kernel density estimation: K1 (error recursion) and K2 (mean weights)
    (theory.md section 5).

    Densities are real functions on an arbitrary domain [X] (e.g. X = R).
    [nrm] is the L1 norm, used only through the seminorm properties below;
    [Kh] is the smoothing operator f |-> K_h * f, used only through linearity
    and the [imported] L1 contraction ||K_h * f||_1 <= ||f||_1 (Young's
    inequality for a probability kernel), which is a named hypothesis.
    Expectations over the sampling randomness [Omega] are an abstract positive,
    normalised linear functional [E] (integrability is assumed, not modelled). *)

From Coq Require Import Reals Lra Lia.
From Loopbound Require Import TV Propagation.
Open Scope R_scope.

Section K1.

Variable X : Type.
Variable nrm : (X -> R) -> R.
Hypothesis nrm_ext : forall f g, (forall x, f x = g x) -> nrm f = nrm g.
Hypothesis nrm_triangle : forall f g, nrm (fun x => f x + g x) <= nrm f + nrm g.
Hypothesis nrm_scal : forall c f, nrm (fun x => c * f x) = Rabs c * nrm f.

Variable Kh : (X -> R) -> (X -> R).
Hypothesis Kh_ext : forall f g, (forall x, f x = g x) -> forall x, Kh f x = Kh g x.
Hypothesis Kh_linear : forall a b f g x,
  Kh (fun y => a * f y + b * g y) x = a * Kh f x + b * Kh g x.
(** [imported] L1 contraction of the convolution with a probability kernel. *)
Hypothesis Kh_contraction : forall f, nrm (Kh f) <= nrm f.

(** TV through the L1 norm. *)
Definition TVc (f g : X -> R) : R := / 2 * nrm (fun x => f x - g x).

Lemma nrm_nonneg f : 0 <= nrm f.
Proof.
  assert (H := nrm_triangle f (fun x => - f x)). cbv beta in H.
  rewrite (nrm_ext (fun x => f x + - f x) (fun x => 0 * f x)) in H by (intros; ring).
  rewrite (nrm_ext (fun x => - f x) (fun x => -1 * f x)) in H by (intros; ring).
  rewrite !nrm_scal, Rabs_R0 in H. replace (Rabs (-1)) with 1 in H.
  - lra.
  - unfold Rabs. destruct Rcase_abs; lra.
Qed.

(** K1: the exact decomposition
    phat_i - p0 = (phat_i - K_h q_i) + (K_h p0 - p0) + (1 - lam) K_h (phat_{i-1} - p0),
    where q_i = lam p0 + (1 - lam) phat_{i-1}. *)
Lemma K1_decomposition lam p0 ph ph_prev q :
  (forall x, q x = lam * p0 x + (1 - lam) * ph_prev x) ->
  forall x, ph x - p0 x =
    (ph x - Kh q x) + (Kh p0 x - p0 x) + (1 - lam) * Kh (fun y => ph_prev y - p0 y) x.
Proof.
  intros Hq x.
  rewrite (Kh_ext q (fun y => lam * p0 y + (1 - lam) * ph_prev y) Hq x).
  rewrite Kh_linear.
  rewrite (Kh_ext (fun y => ph_prev y - p0 y) (fun y => 1 * ph_prev y + (-1) * p0 y))
    by (intros; ring).
  rewrite Kh_linear. ring.
Qed.

(** K1 for one realisation. *)
Lemma K1_pointwise lam p0 ph ph_prev q :
  0 <= lam <= 1 ->
  (forall x, q x = lam * p0 x + (1 - lam) * ph_prev x) ->
  TVc ph p0 <= / 2 * nrm (fun x => ph x - Kh q x) + / 2 * nrm (fun x => Kh p0 x - p0 x)
              + (1 - lam) * TVc ph_prev p0.
Proof.
  intros Hl Hq. unfold TVc.
  rewrite (nrm_ext _ _ (K1_decomposition lam p0 ph ph_prev q Hq)).
  pose proof (nrm_triangle (fun x => (ph x - Kh q x) + (Kh p0 x - p0 x))
                (fun x => (1 - lam) * Kh (fun y => ph_prev y - p0 y) x)) as H1.
  pose proof (nrm_triangle (fun x => ph x - Kh q x) (fun x => Kh p0 x - p0 x)) as H2.
  rewrite nrm_scal, Rabs_pos_eq in H1 by lra.
  pose proof (Kh_contraction (fun y => ph_prev y - p0 y)) as H3.
  assert ((1 - lam) * nrm (Kh (fun y => ph_prev y - p0 y)) <=
          (1 - lam) * nrm (fun y => ph_prev y - p0 y)) by (apply Rmult_le_compat_l; lra).
  lra.
Qed.

Variable Omega : Type.
Variable E : (Omega -> R) -> R.
Hypothesis E_mono : forall f g, (forall w, f w <= g w) -> E f <= E g.
Hypothesis E_plus : forall f g, E (fun w => f w + g w) = E f + E g.
Hypothesis E_scal : forall c f, E (fun w => c * f w) = c * E f.
Hypothesis E_const : forall c, E (fun _ => c) = c.

(** K1: E TV(phat_i, p0) <= 1/2 E||phat_i - K_h q_i||_1 + 1/2 ||K_h p0 - p0||_1
                             + (1 - lam_i) E TV(phat_{i-1}, p0). *)
Theorem K1_recursion lam p0 (ph ph_prev q : Omega -> X -> R) :
  0 <= lam <= 1 ->
  (forall w x, q w x = lam * p0 x + (1 - lam) * ph_prev w x) ->
  E (fun w => TVc (ph w) p0) <=
    / 2 * E (fun w => nrm (fun x => ph w x - Kh (q w) x))
    + / 2 * nrm (fun x => Kh p0 x - p0 x)
    + (1 - lam) * E (fun w => TVc (ph_prev w) p0).
Proof.
  intros Hl Hq.
  eapply Rle_trans.
  - apply E_mono. intros w. apply (K1_pointwise lam p0 (ph w) (ph_prev w) (q w) Hl (Hq w)).
  - rewrite !E_plus, !E_scal, E_const. lra.
Qed.

(** K1 unrolled: with eps_j >= 1/2 E||phat_j - K_h q_j||_1 + 1/2 ||K_h p0 - p0||_1
    (sampling noise + smoothing bias), E TV(phat_i, p0) <= B_i of R3. *)
Theorem K1_unrolled (lam eps : nat -> R) p0 (ph q : nat -> Omega -> X -> R) i :
  (forall w x, q O w x = p0 x) ->
  (forall j, 0 <= lam (S j) <= 1) ->
  (forall j w x, q (S j) w x = lam (S j) * p0 x + (1 - lam (S j)) * ph j w x) ->
  (forall j, (j <= i)%nat ->
     / 2 * E (fun w => nrm (fun x => ph j w x - Kh (q j w) x))
     + / 2 * nrm (fun x => Kh p0 x - p0 x) <= eps j) ->
  E (fun w => TVc (ph i w) p0) <= B lam eps i.
Proof.
  intros Hq0 Hl Hq Heps. induction i as [|i IH].
  - simpl. eapply Rle_trans; [|apply Heps; lia].
    (* generation 0: q_0 = p0 is the mixture with lam = 1 *)
    pose proof (K1_recursion 1 p0 (ph O) (ph O) (q O)) as H.
    assert (Hq1 : forall w x, q O w x = 1 * p0 x + (1 - 1) * ph O w x)
      by (intros; rewrite Hq0; ring).
    specialize (H ltac:(lra) Hq1). lra.
  - simpl B.
    assert (IH' : E (fun w => TVc (ph i w) p0) <= B lam eps i)
      by (apply IH; intros; apply Heps; lia).
    pose proof (K1_recursion (lam (S i)) p0 (ph (S i)) (ph i) (q (S i)) (Hl i) (Hq i)) as H.
    assert (Hs := Heps (S i) (le_n _)). pose proof (Hl i).
    assert ((1 - lam (S i)) * E (fun w => TVc (ph i w) p0) <= (1 - lam (S i)) * B lam eps i)
      by (apply Rmult_le_compat_l; lra).
    lra.
Qed.

End K1.

(** ** K2: mean of the Gaussian-KDE loop as a mixture over bandwidth indices *)

(** Weight of bandwidth index j (variance (j+1) h^2) in E[phat_i]. *)
Definition K2_w (lam : R) (i j : nat) : R :=
  if (j <? i)%nat then lam * (1 - lam) ^ j
  else if (j =? i)%nat then (1 - lam) ^ i else 0.

(** K2: sum_{j<i} lam (1-lam)^j + (1-lam)^i = 1. *)
Theorem K2_weights_sum lam i :
  sumn i (fun j => lam * (1 - lam) ^ j) + (1 - lam) ^ i = 1.
Proof.
  induction i as [|i IH]; simpl; [lra|]. lra.
Qed.

Lemma K2_w_sum lam i : sumn (S i) (K2_w lam i) = 1.
Proof.
  rewrite sumn_S. unfold K2_w at 2. rewrite Nat.ltb_irrefl, Nat.eqb_refl.
  transitivity (sumn i (fun j => lam * (1 - lam) ^ j) + (1 - lam) ^ i);
    [|apply K2_weights_sum].
  f_equal. apply sumn_ext. intros j Hj.
  unfold K2_w. replace (j <? i)%nat with true by (symmetry; apply Nat.ltb_lt; exact Hj).
  reflexivity.
Qed.

(** K2: generation 0 is the point mass at index 0; generation i+1 puts weight lam
    on index 0 and shifts the weights of generation i by one index, times (1-lam). *)
Theorem K2_weights_recursion lam i j :
  K2_w lam 0 0 = 1 /\ ((0 < j)%nat -> K2_w lam 0 j = 0) /\
  K2_w lam (S i) 0 = lam /\
  K2_w lam (S i) (S j) = (1 - lam) * K2_w lam i j.
Proof.
  unfold K2_w. split; [|split; [|split]].
  - simpl. reflexivity.
  - intros Hj. destruct j; [lia|]. reflexivity.
  - simpl. ring.
  - destruct (Nat.ltb_spec j i) as [H|H].
    + replace (S j <? S i)%nat with true by (symmetry; apply Nat.ltb_lt; lia). simpl. ring.
    + replace (S j <? S i)%nat with false by (symmetry; apply Nat.ltb_ge; lia).
      destruct (Nat.eqb_spec j i) as [->|H'].
      * rewrite Nat.eqb_refl. simpl. ring.
      * replace (S j =? S i)%nat with false by (symmetry; apply Nat.eqb_neq; lia). ring.
Qed.

Section K2_mean.

Variable X : Type.
Variable Kh : (X -> R) -> (X -> R).
Hypothesis Kh_ext : forall f g, (forall x, f x = g x) -> forall x, Kh f x = Kh g x.
Hypothesis Kh_linear : forall a b f g x,
  Kh (fun y => a * f y + b * g y) x = a * Kh f x + b * Kh g x.

Lemma Kh_sumn n (c : nat -> R) (f : nat -> X -> R) x :
  Kh (fun y => sumn n (fun j => c j * f j y)) x = sumn n (fun j => c j * Kh (f j) x).
Proof.
  induction n as [|n IH]; simpl.
  - rewrite (Kh_ext (fun _ => 0) (fun y => 0 * (fun _ => 0) y + 0 * (fun _ => 0) y))
      by (intros; simpl; ring).
    rewrite Kh_linear. ring.
  - rewrite (Kh_ext _ (fun y => 1 * (fun z => sumn n (fun j => c j * f j z)) y + c n * f n y))
      by (intros; simpl; ring).
    rewrite Kh_linear, IH. ring.
Qed.

(** G j = p0 * N(0, (j+1) h^2); Gaussian semigroup: K_h * G j = G (j+1). *)
Variable p0 : X -> R.
Variable G : nat -> X -> R.
Hypothesis G_0 : forall x, Kh p0 x = G O x.
Hypothesis G_S : forall j x, Kh (G j) x = G (S j) x.

(** K2: if m_0 = K_h p0 and m_{i+1} = K_h (lam p0 + (1-lam) m_i) (the mean of the KDE
    fitted on the mixed data), then m_i = sum_{j<=i} w_{i,j} G_j, i.e.
    E[phat_i] = sum_{j<i} lam(1-lam)^j p0*N(0,(j+1)h^2) + (1-lam)^i p0*N(0,(i+1)h^2). *)
Theorem K2_mean_mixture lam (m : nat -> X -> R) :
  (forall x, m O x = Kh p0 x) ->
  (forall i x, m (S i) x = Kh (fun y => lam * p0 y + (1 - lam) * m i y) x) ->
  forall i x, m i x = sumn (S i) (fun j => K2_w lam i j * G j x).
Proof.
  intros H0 HS i. induction i as [|i IH]; intros x.
  - rewrite H0, G_0. simpl. unfold K2_w. simpl. ring.
  - rewrite HS, Kh_linear.
    rewrite (Kh_ext (m i) (fun y => sumn (S i) (fun j => K2_w lam i j * G j y)) IH x).
    rewrite Kh_sumn, G_0. rewrite (sumn_shift (S i) (fun j => K2_w lam (S i) j * G j x)).
    destruct (K2_weights_recursion lam i 0) as [_ [_ [Hw0 _]]]. rewrite Hw0.
    f_equal. rewrite <- sumn_scal. apply sumn_ext. intros j Hj.
    destruct (K2_weights_recursion lam i j) as [_ [_ [_ Hw]]]. rewrite Hw, G_S. ring.
Qed.

End K2_mean.
