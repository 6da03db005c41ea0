(** * Diffusion models: D1 (propagation through Pinsker) and D2 (optimal early stopping)
    (theory.md section 4).

    [imported] results enter ONLY as hypotheses:
    - Pinsker's inequality TV(P,Q) <= sqrt(KL(P||Q)/2) (hypothesis [Pinsker]);
    - D0 = Li, Li, Zhang, Bian, "On the Generalization Properties of Diffusion Models"
      (NeurIPS 2023), Theorem 1, used only through the per-generation KL bound
      (hypothesis of [D1_propagation], or its explicit shape in [D1_propagation_D0]). *)

From Coq Require Import Reals Lra Lia.
From Loopbound Require Import TV Propagation.
Open Scope R_scope.

Lemma is_dist_ext n p q :
  (forall k, (k < n)%nat -> p k = q k) -> is_dist n p -> is_dist n q.
Proof.
  intros H [H1 H2]. split.
  - intros k Hk. rewrite <- H by exact Hk. apply H1. exact Hk.
  - rewrite <- H2. symmetry. apply sumn_ext. exact H.
Qed.

(** ** D1 *)

(** Under R3's mixing structure every training distribution q_j is a distribution. *)
Lemma D1_q_is_dist n (lam : nat -> R) (p0 : nat -> R) (phat q : nat -> nat -> R) (j : nat) :
  is_dist n p0 ->
  (forall j, is_dist n (phat j)) ->
  (forall k, (k < n)%nat -> q O k = p0 k) ->
  (forall j, 0 <= lam (S j) <= 1) ->
  (forall j k, (k < n)%nat -> q (S j) k = lam (S j) * p0 k + (1 - lam (S j)) * phat j k) ->
  is_dist n (q j).
Proof.
  intros Hp0 Hph Hq0 Hl Hq. destruct j as [|j].
  - apply (is_dist_ext n p0); [intros k Hk; symmetry; apply Hq0; exact Hk | exact Hp0].
  - apply (is_dist_ext n (mix (lam (S j)) p0 (phat j))).
    + intros k Hk. symmetry. apply Hq. exact Hk.
    + apply mix_is_dist; auto.
Qed.

Section D1.

Variable n : nat.

(** An abstract Kullback-Leibler divergence on distributions over [n] atoms. *)
Variable KL : (nat -> R) -> (nat -> R) -> R.

(** [imported] Pinsker's inequality. *)
Hypothesis Pinsker :
  forall p q, is_dist n p -> is_dist n q -> TV n p q <= sqrt (KL p q / 2).

(** D1: if each generation j <= i satisfies KL(q_j || phat_j) <= KLb_j (the
    per-generation bound, e.g. from D0), then TV(phat_i, p0) <= B_i with
    eps_j = sqrt(KLb_j / 2). *)
Theorem D1_propagation (lam KLb : nat -> R) (p0 : nat -> R)
  (phat q : nat -> nat -> R) (i : nat) :
  is_dist n p0 ->
  (forall j, is_dist n (phat j)) ->
  (forall k, (k < n)%nat -> q O k = p0 k) ->
  (forall j, 0 <= lam (S j) <= 1) ->
  (forall j k, (k < n)%nat -> q (S j) k = lam (S j) * p0 k + (1 - lam (S j)) * phat j k) ->
  (forall j, (j <= i)%nat -> KL (q j) (phat j) <= KLb j) ->
  TV n (phat i) p0 <= B lam (fun j => sqrt (KLb j / 2)) i.
Proof.
  intros Hp0 Hph Hq0 Hl Hq HKL.
  apply (R3_unrolled_bound n lam _ p0 phat q i Hq0 Hl Hq).
  intros j Hj.
  assert (Hqd : is_dist n (q j)) by (apply (D1_q_is_dist n lam p0 phat q); assumption).
  rewrite TV_sym. eapply Rle_trans; [apply Pinsker; auto|].
  apply sqrt_le_1_alt. specialize (HKL j Hj). lra.
Qed.

(** D1 with the explicit shape of the D0 bound (constant C hidden by "<~" made explicit):
    KL(q_j || phat_j) <= C (tau_j^4/(m N_j) + tau_j^3/m^2 + 1/tau_j + 1/m + E_j). *)
Theorem D1_propagation_D0 (C m : R) (lam tau Nj E : nat -> R) (p0 : nat -> R)
  (phat q : nat -> nat -> R) (i : nat) :
  is_dist n p0 ->
  (forall j, is_dist n (phat j)) ->
  (forall k, (k < n)%nat -> q O k = p0 k) ->
  (forall j, 0 <= lam (S j) <= 1) ->
  (forall j k, (k < n)%nat -> q (S j) k = lam (S j) * p0 k + (1 - lam (S j)) * phat j k) ->
  (forall j, (j <= i)%nat ->
     KL (q j) (phat j) <=
       C * (tau j ^ 4 / (m * Nj j) + tau j ^ 3 / m ^ 2 + / tau j + / m + E j)) ->
  TV n (phat i) p0 <=
    B lam (fun j => sqrt (C * (tau j ^ 4 / (m * Nj j) + tau j ^ 3 / m ^ 2 + / tau j + / m + E j) / 2)) i.
Proof.
  intros. eapply D1_propagation; eassumption.
Qed.

End D1.

(** ** D2: optimal early stopping *)

Definition D2_phi (m N tau : R) : R := tau ^ 4 / (m * N) + / tau.
Definition D2_tau_star (m N : R) : R := Rpower (m * N / 4) (1 / 5).

Lemma D2_tau_star_pos m N : 0 < D2_tau_star m N.
Proof. unfold D2_tau_star, Rpower. apply exp_pos. Qed.

Lemma D2_tau_star_pow5 m N : 0 < m -> 0 < N -> D2_tau_star m N ^ 5 = m * N / 4.
Proof.
  intros Hm HN. unfold D2_tau_star.
  rewrite <- Rpower_pow by (unfold Rpower; apply exp_pos).
  rewrite Rpower_mult. replace (1 / 5 * INR 5) with 1 by (simpl; field).
  apply Rpower_1. apply Rdiv_lt_0_compat; [nra | lra].
Qed.

(** D2: tau_star = (m N/4)^(1/5) minimizes phi over tau > 0. *)
Theorem D2_minimizer m N tau :
  0 < m -> 0 < N -> 0 < tau ->
  D2_phi m N (D2_tau_star m N) <= D2_phi m N tau.
Proof.
  intros Hm HN Ht. unfold D2_phi.
  pose proof (D2_tau_star_pos m N) as Hs. pose proof (D2_tau_star_pow5 m N Hm HN) as H5.
  set (t := D2_tau_star m N) in *.
  replace (m * N) with (4 * t ^ 5) by lra.
  assert (Hdiff : tau ^ 4 / (4 * t ^ 5) + / tau - (t ^ 4 / (4 * t ^ 5) + / t) =
    (tau - t) ^ 2 * (tau ^ 3 + 2 * t * tau ^ 2 + 3 * t ^ 2 * tau + 4 * t ^ 3) / (4 * t ^ 5 * tau)).
  { field. lra. }
  assert (0 <= (tau - t) ^ 2 * (tau ^ 3 + 2 * t * tau ^ 2 + 3 * t ^ 2 * tau + 4 * t ^ 3) / (4 * t ^ 5 * tau)).
  { apply Rmult_le_pos.
    - apply Rmult_le_pos; [apply pow2_ge_0|].
      assert (0 < tau ^ 3) by (apply pow_lt; lra).
      assert (0 < t ^ 3) by (apply pow_lt; lra).
      assert (0 <= t * tau ^ 2) by (apply Rmult_le_pos; [lra | apply pow2_ge_0]).
      assert (0 <= t ^ 2 * tau) by (apply Rmult_le_pos; [apply pow2_ge_0 | lra]).
      lra.
    - left. apply Rinv_0_lt_compat. assert (0 < t ^ 5) by (apply pow_lt; lra). nra. }
  lra.
Qed.

(** D2: phi(tau_star) = 5 * 4^(-4/5) * (m N)^(-1/5). *)
Theorem D2_minimum m N :
  0 < m -> 0 < N ->
  D2_phi m N (D2_tau_star m N) = 5 * Rpower 4 (- 4 / 5) * Rpower (m * N) (- 1 / 5).
Proof.
  intros Hm HN. unfold D2_phi.
  pose proof (D2_tau_star_pos m N) as Hs. pose proof (D2_tau_star_pow5 m N Hm HN) as H5.
  replace (D2_tau_star m N ^ 4 / (m * N) + / D2_tau_star m N) with (5 / (4 * D2_tau_star m N)).
  2:{ replace (m * N) with (4 * D2_tau_star m N ^ 5) by lra. field. lra. }
  assert (HM : 0 < m * N) by nra.
  assert (E : Rpower 4 (- 4 / 5) * Rpower (m * N) (- 1 / 5) * D2_tau_star m N = / 4).
  { unfold D2_tau_star, Rpower. rewrite <- !exp_plus.
    replace (m * N / 4) with (m * N * / 4) by reflexivity.
    rewrite (ln_mult (m * N) (/ 4)) by (try lra; apply Rinv_0_lt_compat; lra).
    rewrite ln_Rinv by lra.
    replace (- 4 / 5 * ln 4 + - 1 / 5 * ln (m * N) + 1 / 5 * (ln (m * N) + - ln 4))
      with (- ln 4) by field.
    rewrite exp_Ropp, exp_ln by lra. reflexivity. }
  apply Rmult_eq_reg_r with (D2_tau_star m N); [|lra].
  replace (5 * Rpower 4 (- 4 / 5) * Rpower (m * N) (- 1 / 5) * D2_tau_star m N)
    with (5 * (Rpower 4 (- 4 / 5) * Rpower (m * N) (- 1 / 5) * D2_tau_star m N)) by ring.
  rewrite E. field. lra.
Qed.

(** The numerical constant 5 * 4^(-4/5) = 1.649384... *)
Lemma D2_constant_value : 1.649384 <= 5 * Rpower 4 (- 4 / 5) <= 1.649385.
Proof.
  set (x := Rpower 4 (- 4 / 5)).
  assert (Hx : 0 < x) by (unfold x, Rpower; apply exp_pos).
  assert (H5 : x ^ 5 = / 256).
  { unfold x. rewrite <- Rpower_pow by (unfold Rpower; apply exp_pos).
    rewrite Rpower_mult. replace (- 4 / 5 * INR 5) with (- INR 4) by (simpl; field).
    rewrite Rpower_Ropp, Rpower_pow by lra. simpl. field. }
  split.
  - destruct (Rle_or_lt 1.649384 (5 * x)) as [H|H]; [exact H|]. exfalso.
    assert (Hle : x ^ 5 <= (1.649384 / 5) ^ 5) by (apply pow_incr; lra).
    rewrite H5 in Hle. simpl in Hle. lra.
  - destruct (Rle_or_lt (5 * x) 1.649385) as [H|H]; [exact H|]. exfalso.
    assert (Hle : (1.649385 / 5) ^ 5 <= x ^ 5) by (apply pow_incr; lra).
    rewrite H5 in Hle. simpl in Hle. lra.
Qed.

(** tau_star is a stationary point: phi'(tau_star) = 4 tau_star^3/(m N) - 1/tau_star^2 = 0. *)
Lemma D2_stationary m N :
  0 < m -> 0 < N ->
  4 * D2_tau_star m N ^ 3 / (m * N) - / D2_tau_star m N ^ 2 = 0.
Proof.
  intros Hm HN. pose proof (D2_tau_star_pos m N) as Hs.
  pose proof (D2_tau_star_pow5 m N Hm HN) as H5.
  replace (m * N) with (4 * D2_tau_star m N ^ 5) by lra. field. lra.
Qed.

(** ** D2 with the cubic term of D0

    phi3(tau) = tau^4/(m N) + tau^3/m^2 + 1/tau has phi3'(tau) = (g(tau) - 1)/tau^2 with
    g(tau) = 4 tau^5/(m N) + 3 tau^4/m^2.  The root of g = 1 on tau > 0 exists, is unique,
    and is the unique minimizer of phi3 on tau > 0.  No Section hypotheses. *)

Definition D2_phi3 (m N tau : R) : R := tau ^ 4 / (m * N) + tau ^ 3 / m ^ 2 + / tau.
Definition D2_g (m N tau : R) : R := 4 * tau ^ 5 / (m * N) + 3 * tau ^ 4 / m ^ 2.

(** phi3 at a root t of g = 1 is strictly below phi3 anywhere else on tau > 0:
    phi3(tau) - phi3(t) = (tau - t)^2 / tau * (A (tau^3 + 2 tau^2 t + 3 tau t^2 + 4 t^3)
                            + C (tau^2 + 2 tau t + 3 t^2)),  A = 1/(m N), C = 1/m^2. *)
Theorem D2_cubic_root_strict_min m N t tau :
  0 < m -> 0 < N -> 0 < t -> D2_g m N t = 1 -> 0 < tau -> tau <> t ->
  D2_phi3 m N t < D2_phi3 m N tau.
Proof.
  intros Hm HN Ht Hg Htau Hne.
  assert (HmN : 0 < m * N) by nra.
  set (A := / (m * N)). set (C := / m ^ 2).
  assert (HA : 0 < A) by (apply Rinv_0_lt_compat; exact HmN).
  assert (HC : 0 < C) by (apply Rinv_0_lt_compat; apply pow_lt; exact Hm).
  assert (E : D2_phi3 m N tau - D2_phi3 m N t =
    (tau - t) ^ 2 / tau * (A * (tau ^ 3 + 2 * tau ^ 2 * t + 3 * tau * t ^ 2 + 4 * t ^ 3)
                           + C * (tau ^ 2 + 2 * tau * t + 3 * t ^ 2))
    + (t - tau) / (tau * t) * (1 - D2_g m N t)).
  { unfold D2_phi3, D2_g, A, C. field. repeat split; apply Rgt_not_eq; lra. }
  rewrite Hg in E. replace (1 - 1) with 0 in E by ring. rewrite Rmult_0_r, Rplus_0_r in E.
  assert (Hsq : 0 < (tau - t) ^ 2).
  { assert (tau - t <> 0) by lra. simpl. rewrite Rmult_1_r. apply Rsqr_pos_lt. exact H. }
  assert (Hb : 0 < A * (tau ^ 3 + 2 * tau ^ 2 * t + 3 * tau * t ^ 2 + 4 * t ^ 3)
                   + C * (tau ^ 2 + 2 * tau * t + 3 * t ^ 2)).
  { assert (0 < tau ^ 3 + 2 * tau ^ 2 * t + 3 * tau * t ^ 2 + 4 * t ^ 3).
    { assert (0 < t ^ 3) by (apply pow_lt; lra).
      assert (0 <= tau ^ 3) by (apply pow_le; lra).
      assert (0 <= tau ^ 2 * t) by (apply Rmult_le_pos; [apply pow_le|]; lra).
      assert (0 <= tau * t ^ 2) by (apply Rmult_le_pos; [|apply pow_le]; lra).
      lra. }
    assert (0 < tau ^ 2 + 2 * tau * t + 3 * t ^ 2).
    { assert (0 < t ^ 2) by (apply pow_lt; lra).
      assert (0 <= tau ^ 2) by (apply pow_le; lra).
      assert (0 <= tau * t) by (apply Rmult_le_pos; lra).
      lra. }
    assert (0 < A * (tau ^ 3 + 2 * tau ^ 2 * t + 3 * tau * t ^ 2 + 4 * t ^ 3))
      by (apply Rmult_lt_0_compat; lra).
    assert (0 < C * (tau ^ 2 + 2 * tau * t + 3 * t ^ 2)) by (apply Rmult_lt_0_compat; lra).
    lra. }
  assert (0 < (tau - t) ^ 2 / tau * (A * (tau ^ 3 + 2 * tau ^ 2 * t + 3 * tau * t ^ 2 + 4 * t ^ 3)
                           + C * (tau ^ 2 + 2 * tau * t + 3 * t ^ 2))).
  { apply Rmult_lt_0_compat; [|exact Hb]. apply Rdiv_lt_0_compat; lra. }
  lra.
Qed.

(** g = 1 has exactly one root on tau > 0 (IVT on [0, 1 + m N]; uniqueness from the
    strict minimality above). *)
Theorem D2_cubic_root_unique m N :
  0 < m -> 0 < N -> exists! t, 0 < t /\ D2_g m N t = 1.
Proof.
  intros Hm HN. assert (HmN : 0 < m * N) by nra.
  set (f := fun tau => 4 * tau ^ 5 * / (m * N) + 3 * tau ^ 4 * / m ^ 2 - 1).
  assert (Hf : forall tau, f tau = D2_g m N tau - 1) by (intros; unfold f, D2_g; reflexivity).
  assert (Hc : continuity f) by (apply derivable_continuous; unfold f; reg).
  set (y := 1 + m * N).
  assert (Hy5 : y <= y ^ 5).
  { assert (1 <= y) by (unfold y; lra).
    assert (1 <= y ^ 4) by (rewrite <- (pow1 4); apply pow_incr; lra).
    replace (y ^ 5) with (y * y ^ 4) by ring. nra. }
  assert (Hfy : 0 < f y).
  { rewrite Hf. unfold D2_g.
    assert (3 * y ^ 4 / m ^ 2 >= 0).
    { apply Rle_ge. apply Rmult_le_pos; [|left; apply Rinv_0_lt_compat, pow_lt; lra].
      assert (0 <= y ^ 4) by (apply pow_le; unfold y; lra). lra. }
    assert (1 < 4 * y ^ 5 / (m * N)).
    { apply Rmult_lt_reg_r with (m * N); [exact HmN|].
      unfold Rdiv. rewrite Rmult_assoc, Rinv_l by lra. unfold y in *. lra. }
    lra. }
  assert (Hf0 : f 0 < 0) by (rewrite Hf; unfold D2_g; simpl; lra).
  destruct (IVT f 0 y Hc ltac:(unfold y; lra) Hf0 Hfy) as [t [Hty Hft]].
  assert (Hg : D2_g m N t = 1) by (rewrite Hf in Hft; lra).
  assert (Ht : 0 < t).
  { destruct (Req_dec t 0) as [->|Hne]; [|lra].
    unfold D2_g in Hg. simpl in Hg. lra. }
  exists t. split; [split; assumption|].
  intros t' [Ht' Hg']. destruct (Req_dec t t') as [E|Hne]; [exact E|].
  exfalso.
  pose proof (D2_cubic_root_strict_min m N t t' Hm HN Ht Hg Ht' (not_eq_sym Hne)).
  pose proof (D2_cubic_root_strict_min m N t' t Hm HN Ht' Hg' Ht Hne).
  lra.
Qed.

(** D2 (cubic term): tau0 > 0 minimizes phi3 over tau > 0 iff it is the root of
    4 tau^5/(m N) + 3 tau^4/m^2 = 1. *)
Theorem D2_cubic_argmin_iff m N tau0 :
  0 < m -> 0 < N -> 0 < tau0 ->
  ((forall tau, 0 < tau -> D2_phi3 m N tau0 <= D2_phi3 m N tau) <-> D2_g m N tau0 = 1).
Proof.
  intros Hm HN H0. split.
  - intros Hmin. destruct (D2_cubic_root_unique m N Hm HN) as [t [[Ht Hg] _]].
    destruct (Req_dec tau0 t) as [->|Hne]; [exact Hg|].
    exfalso. pose proof (D2_cubic_root_strict_min m N t tau0 Hm HN Ht Hg H0 Hne).
    pose proof (Hmin t Ht). lra.
  - intros Hg tau Htau. destruct (Req_dec tau tau0) as [->|Hne]; [lra|].
    left. apply D2_cubic_root_strict_min; assumption.
Qed.
