(** * Pinsker's inequality on finite distributions, and D1 without it as a hypothesis

    KL(p || q) = sum_a p_a ln(p_a / q_a) (with 0 ln 0 = 0) for distributions on n atoms with
    q_a > 0 on every atom.  Proof: the per-atom inequality
      p ln(p/q) - p + q >= 3 (p - q)^2 / (2 (p + 2 q))      (p >= 0, q > 0)
    (second-derivative argument), summed, and the weighted Cauchy-Schwarz inequality with the
    weights w_a = (p_a + 2 q_a)/3, which sum to 1:
      (sum_a |p_a - q_a|)^2 <= sum_a 3 (p_a - q_a)^2 / (p_a + 2 q_a) <= 2 KL(p || q). *)

From Coq Require Import Reals Lra Lia.
From Coquelicot Require Import Coquelicot.
From Loopbound Require Import TV Propagation Phase Diffusion.
Open Scope R_scope.

(** p ln(p/q), 0 at p <= 0 *)
Definition xlogxy (p q : R) : R := if Rle_dec p 0 then 0 else p * ln (p / q).

Definition KLd (n : nat) (p q : nat -> R) : R := sumn n (fun a => xlogxy (p a) (q a)).

(** ** The per-atom inequality (no hypotheses) *)

Section Atom.

Variable q : R.
Hypothesis Hq : 0 < q.

Let g (x : R) : R := x * ln (x / q) - x + q - 3 * (x - q) ^ 2 / (2 * (x + 2 * q)).
Let gp (x : R) : R := ln (x / q) - 3 / 2 * ((x - q) * (x + 5 * q)) / (x + 2 * q) ^ 2.
Let gpp (x : R) : R := / x - 27 * q ^ 2 / (x + 2 * q) ^ 3.

Lemma pinsker_g_derive x : 0 < x -> is_derive g x (gp x).
Proof.
  intros Hx. unfold g, gp. auto_derive.
  - repeat split; try (apply Rdiv_lt_0_compat; lra); try lra.
  - assert (x / q <> 0) by (apply Rgt_not_eq, Rdiv_lt_0_compat; lra). unfold Rdiv. field. lra.
Qed.

Lemma pinsker_gp_derive x : 0 < x -> is_derive gp x (gpp x).
Proof.
  intros Hx. unfold gp, gpp. auto_derive.
  - split; [apply Rdiv_lt_0_compat; lra|]. split; [|exact I].
    apply Rgt_not_eq. assert (0 < x + 2 * q) by lra. nra.
  - assert (x / q <> 0) by (apply Rgt_not_eq, Rdiv_lt_0_compat; lra).
    unfold Rdiv in *. field. lra.
Qed.

Lemma pinsker_gpp_pos x : 0 < x -> x <> q -> 0 < gpp x.
Proof.
  intros Hx Hne. unfold gpp.
  assert (H3 : 0 < (x + 2 * q) ^ 3) by (apply pow_lt; lra).
  replace (/ x - 27 * q ^ 2 / (x + 2 * q) ^ 3)
    with ((x - q) ^ 2 * (x + 8 * q) / (x * (x + 2 * q) ^ 3)) by (field; lra).
  apply Rdiv_lt_0_compat; [|apply Rmult_lt_0_compat; lra].
  apply Rmult_lt_0_compat; [|lra].
  assert (x - q <> 0) by lra. simpl. rewrite Rmult_1_r. apply Rsqr_pos_lt. assumption.
Qed.

Lemma pinsker_cont f df x : 0 < x -> (forall y, 0 < y -> is_derive f y (df y)) -> continuity_pt f x.
Proof. intros Hx Hd. apply ex_derive_continuity_pt. exists (df x). apply Hd. exact Hx. Qed.

Lemma pinsker_gp_q : gp q = 0.
Proof.
  unfold gp. replace (q / q) with 1 by (field; lra). rewrite ln_1.
  replace (q - q) with 0 by ring. unfold Rdiv. ring.
Qed.

Lemma pinsker_g_q : g q = 0.
Proof.
  unfold g. replace (q / q) with 1 by (field; lra). rewrite ln_1.
  replace (q - q) with 0 by ring. field. lra.
Qed.

Lemma pinsker_gp_neg x : 0 < x -> x < q -> gp x < 0.
Proof.
  intros Hx Hxq. rewrite <- pinsker_gp_q.
  apply (incr_closed gp gpp x q Hxq).
  - intros y Hy. apply pinsker_gp_derive. lra.
  - intros y Hy. apply (pinsker_cont gp gpp); [lra | exact pinsker_gp_derive].
  - intros y Hy. apply pinsker_gpp_pos; lra.
Qed.

Lemma pinsker_gp_pos x : q < x -> 0 < gp x.
Proof.
  intros Hxq. rewrite <- pinsker_gp_q.
  apply (incr_closed gp gpp q x Hxq).
  - intros y Hy. apply pinsker_gp_derive. lra.
  - intros y Hy. apply (pinsker_cont gp gpp); [lra | exact pinsker_gp_derive].
  - intros y Hy. apply pinsker_gpp_pos; lra.
Qed.

Lemma pinsker_g_nonneg x : 0 < x -> 0 <= g x.
Proof.
  intros Hx. destruct (Rtotal_order x q) as [Hlt|[->|Hgt]].
  - assert (H : (fun y => - g y) x < (fun y => - g y) q).
    { apply (incr_closed (fun y => - g y) (fun y => - gp y) x q Hlt).
      - intros y Hy. apply (is_derive_opp g y (gp y)). apply pinsker_g_derive. lra.
      - intros y Hy. apply continuity_pt_opp.
        apply (pinsker_cont g gp); [lra | exact pinsker_g_derive].
      - intros y Hy. pose proof (pinsker_gp_neg y ltac:(lra) ltac:(lra)). lra. }
    simpl in H. rewrite pinsker_g_q in H. lra.
  - rewrite pinsker_g_q. lra.
  - rewrite <- pinsker_g_q. left.
    apply (incr_closed g gp q x Hgt).
    + intros y Hy. apply pinsker_g_derive. lra.
    + intros y Hy. apply (pinsker_cont g gp); [lra | exact pinsker_g_derive].
    + intros y Hy. apply pinsker_gp_pos. lra.
Qed.

(** p ln(p/q) - p + q >= 3 (p - q)^2 / (2 (p + 2 q)) for p >= 0 (0 ln 0 = 0).
    Generalized over the section's q > 0 (Hq). *)
Theorem pinsker_atom p : 0 <= p -> 3 * (p - q) ^ 2 / (2 * (p + 2 * q)) <= xlogxy p q - p + q.
Proof.
  intros Hp. unfold xlogxy. destruct (Rle_dec p 0) as [H0|H0].
  - replace p with 0 by lra.
    replace (3 * (0 - q) ^ 2 / (2 * (0 + 2 * q))) with (3 / 4 * q) by (field; lra). lra.
  - pose proof (pinsker_g_nonneg p ltac:(lra)). unfold g in H. lra.
Qed.

End Atom.

(** ** Pinsker *)

(** Pinsker's inequality: p, q distributions on n atoms, q_a > 0 for a < n:
    TV(p, q) <= sqrt(KL(p || q) / 2).  No Section hypotheses. *)
Theorem pinsker_finite n (p q : nat -> R) :
  is_dist n p -> is_dist n q -> (forall a, (a < n)%nat -> 0 < q a) ->
  TV n p q <= sqrt (KLd n p q / 2).
Proof.
  intros [Hp0 Hp1] [_ Hq1] Hq.
  assert (Hw : forall a, (a < n)%nat -> 0 < (p a + 2 * q a) / 3).
  { intros a Ha. pose proof (Hp0 a Ha). pose proof (Hq a Ha). lra. }
  pose proof (sumn_cauchy_schwarz_weighted n (fun a => Rabs (p a - q a))
                (fun a => (p a + 2 * q a) / 3) Hw) as Hcs.
  replace (sumn n (fun a => (p a + 2 * q a) / 3)) with 1 in Hcs.
  2:{ rewrite (sumn_ext n _ (fun a => / 3 * p a + 2 / 3 * q a)) by (intros; field).
      rewrite sumn_plus, !sumn_scal, Hp1, Hq1. field. }
  assert (Hkl : sumn n (fun a => Rabs (p a - q a) ^ 2 / ((p a + 2 * q a) / 3)) <= 2 * KLd n p q).
  { replace (KLd n p q) with (sumn n (fun a => xlogxy (p a) (q a) - p a + q a)).
    2:{ rewrite sumn_plus, sumn_minus, Hp1, Hq1. unfold KLd. ring. }
    rewrite <- sumn_scal. apply sumn_le. intros a Ha.
    pose proof (pinsker_atom (q a) (Hq a Ha) (p a) (Hp0 a Ha)).
    pose proof (Hp0 a Ha). pose proof (Hq a Ha).
    rewrite <- (pow2_abs (p a - q a)) in H.
    replace (Rabs (p a - q a) ^ 2 / ((p a + 2 * q a) / 3))
      with (2 * (3 * Rabs (p a - q a) ^ 2 / (2 * (p a + 2 * q a)))) by (field; lra).
    lra. }
  unfold TV.
  assert (H0 : 0 <= / 2 * sumn n (fun a => Rabs (p a - q a)))
    by (apply Rmult_le_pos; [lra | apply sumn_nonneg; intros; apply Rabs_pos]).
  rewrite <- (sqrt_pow2 _ H0). apply sqrt_le_1_alt. nra.
Qed.

(** ** D1 resting on D0 alone

    D1 with Pinsker proved: each phat_j puts positive mass on every atom (so that
    KL(q_j || phat_j) is finite), KL(q_j || phat_j) <= KLb_j (the per-generation bound,
    e.g. D0's) for j <= i  =>  TV(phat_i, p0) <= B_i with eps_j = sqrt(KLb_j / 2).
    No Section hypotheses. *)
Theorem D1_propagation_pinsker n (lam KLb : nat -> R) (p0 : nat -> R)
  (phat q : nat -> nat -> R) (i : nat) :
  is_dist n p0 ->
  (forall j, is_dist n (phat j)) ->
  (forall j a, (a < n)%nat -> 0 < phat j a) ->
  (forall k, (k < n)%nat -> q O k = p0 k) ->
  (forall j, 0 <= lam (S j) <= 1) ->
  (forall j k, (k < n)%nat -> q (S j) k = lam (S j) * p0 k + (1 - lam (S j)) * phat j k) ->
  (forall j, (j <= i)%nat -> KLd n (q j) (phat j) <= KLb j) ->
  TV n (phat i) p0 <= B lam (fun j => sqrt (KLb j / 2)) i.
Proof.
  intros Hp0 Hph Hpos Hq0 Hl Hq HKL.
  apply (R3_unrolled_bound n lam _ p0 phat q i Hq0 Hl Hq).
  intros j Hj. rewrite TV_sym.
  eapply Rle_trans; [apply pinsker_finite|].
  - apply (D1_q_is_dist n lam p0 phat q); assumption.
  - apply Hph.
  - apply Hpos.
  - apply sqrt_le_1_alt. specialize (HKL j Hj). lra.
Qed.

(** The same with the explicit shape of the D0 bound (constant C made explicit):
    KL(q_j || phat_j) <= C (tau_j^4/(m N_j) + tau_j^3/m^2 + 1/tau_j + 1/m + E_j).
    D0 is the only [imported] step left; no Section hypotheses. *)
Corollary D1_propagation_D0_pinsker n (C m : R) (lam tau Nj E : nat -> R) (p0 : nat -> R)
  (phat q : nat -> nat -> R) (i : nat) :
  is_dist n p0 ->
  (forall j, is_dist n (phat j)) ->
  (forall j a, (a < n)%nat -> 0 < phat j a) ->
  (forall k, (k < n)%nat -> q O k = p0 k) ->
  (forall j, 0 <= lam (S j) <= 1) ->
  (forall j k, (k < n)%nat -> q (S j) k = lam (S j) * p0 k + (1 - lam (S j)) * phat j k) ->
  (forall j, (j <= i)%nat ->
     KLd n (q j) (phat j) <=
       C * (tau j ^ 4 / (m * Nj j) + tau j ^ 3 / m ^ 2 + / tau j + / m + E j)) ->
  TV n (phat i) p0 <=
    B lam (fun j => sqrt (C * (tau j ^ 4 / (m * Nj j) + tau j ^ 3 / m ^ 2 + / tau j + / m + E j) / 2)) i.
Proof.
  intros. eapply D1_propagation_pinsker; eassumption.
Qed.
