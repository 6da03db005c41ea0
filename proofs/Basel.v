(** * R4 growing-size: the partial sums of 1/k^2 are at most pi^2/6

    Matsuoka's proof (Y. Matsuoka, "An elementary proof of the formula
    sum 1/k^2 = pi^2/6", Amer. Math. Monthly 68 (1961) 485-487), only its inequality half:
    with I_e = int_0^{pi/2} cos^e x dx and J_e = int_0^{pi/2} x^2 cos^e x dx, integration by
    parts (here: the fundamental theorem for explicit antiderivatives) gives
      (e+2) I_{e+2} = (e+1) I_e   and   I_{e+2} + (e+2)^2/2 J_{e+2} = (e+2)(e+1)/2 J_e,
    hence 1/(m+1)^2 = T_m - T_{m+1} with T_m = 2 J_{2m} / I_{2m}, and
    sum_{j=0}^{i} 1/(j+1)^2 = T_0 - T_{i+1} <= T_0 = pi^2/6 since J >= 0, I > 0.
    No Section hypotheses (no lemma of this file is in a Section). *)

From Coq Require Import Reals Lra Lia Nsatz.
From Coquelicot Require Import Coquelicot.
From Loopbound Require Import TV Propagation.
Open Scope R_scope.

Lemma is_RInt_lin (f g : R -> R) a b If Ig c d :
  is_RInt f a b If -> is_RInt g a b Ig ->
  is_RInt (fun x => c * f x - d * g x) a b (c * If - d * Ig).
Proof.
  intros Hf Hg. exact (is_RInt_minus _ _ a b _ _ (is_RInt_scal _ a b c _ Hf) (is_RInt_scal _ a b d _ Hg)).
Qed.

Ltac fix_INR :=
  repeat match goal with
  | |- context [match ?n with 0%nat => 1 | S _ => INR ?n + 1 end] =>
      replace (match n with 0%nat => 1 | S _ => INR n + 1 end) with (INR n + 1)
        by (destruct n; simpl; ring)
  end.

Lemma is_RInt_lin3 (f g h : R -> R) a b If Ig Ih c d :
  is_RInt f a b If -> is_RInt g a b Ig -> is_RInt h a b Ih ->
  is_RInt (fun x => f x + c * g x - d * h x) a b (If + c * Ig - d * Ih).
Proof.
  intros Hf Hg Hh.
  exact (is_RInt_minus _ _ a b _ _ (is_RInt_plus _ _ a b _ _ Hf (is_RInt_scal _ a b c _ Hg))
                       (is_RInt_scal _ a b d _ Hh)).
Qed.

Lemma wallis_derive n x :
  is_derive (fun x => sin x * cos x ^ S n) x
    ((INR n + 2) * cos x ^ S (S n) - (INR n + 1) * cos x ^ n).
Proof.
  auto_derive; [exact I|]. cbn [Init.Nat.pred]. fix_INR. rewrite ?S_INR.
  rewrite <- !tech_pow_Rmult. pose proof (sin2_cos2 x) as H. unfold Rsqr in H.
  nsatz.
Qed.

Lemma J_derive n x :
  is_derive (fun x => x * cos x ^ S (S n) + (INR n + 2) / 2 * (x ^ 2 * sin x * cos x ^ S n)) x
    (cos x ^ S (S n) + (INR n + 2) ^ 2 / 2 * (x ^ 2 * cos x ^ S (S n))
     - (INR n + 2) * (INR n + 1) / 2 * (x ^ 2 * cos x ^ n)).
Proof.
  auto_derive; [exact I|]. cbn [Init.Nat.pred]. fix_INR. rewrite ?S_INR.
  rewrite <- !tech_pow_Rmult. pose proof (sin2_cos2 x) as H. unfold Rsqr in H.
  assert (H2 : 2 * / 2 = 1) by field. unfold Rdiv. nsatz.
Qed.

Lemma cont_of_ex_derive (f : R -> R) x : ex_derive f x -> continuous f x.
Proof.
  intros [l Hl]. apply continuity_pt_filterlim. apply derivable_continuous_pt.
  exists l. apply is_derive_Reals. exact Hl.
Qed.

Definition Iw (e : nat) : R := RInt (fun x => cos x ^ e) 0 (PI / 2).
Definition Jw (e : nat) : R := RInt (fun x => x ^ 2 * cos x ^ e) 0 (PI / 2).

Lemma ex_RInt_Iw e : ex_RInt (fun x => cos x ^ e) 0 (PI / 2).
Proof. apply (@ex_RInt_continuous R_CompleteNormedModule). intros z _. apply cont_of_ex_derive. auto_derive. exact I. Qed.

Lemma ex_RInt_Jw e : ex_RInt (fun x => x ^ 2 * cos x ^ e) 0 (PI / 2).
Proof. apply (@ex_RInt_continuous R_CompleteNormedModule). intros z _. apply cont_of_ex_derive. auto_derive. exact I. Qed.

Lemma cos_PI2_pow n : cos (PI / 2) ^ S n = 0.
Proof. rewrite cos_PI2. apply pow_i. lia. Qed.

(** (e+2) I_{e+2} - (e+1) I_e = 0 *)
Lemma Iw_rec n : (INR n + 2) * Iw (S (S n)) - (INR n + 1) * Iw n = 0.
Proof.
  pose proof (is_RInt_lin _ _ 0 (PI / 2) _ _ (INR n + 2) (INR n + 1)
                (RInt_correct _ _ _ (ex_RInt_Iw (S (S n)))) (RInt_correct _ _ _ (ex_RInt_Iw n))) as H1.
  assert (H2 : is_RInt (fun x => (INR n + 2) * cos x ^ S (S n) - (INR n + 1) * cos x ^ n) 0 (PI / 2)
                (minus (sin (PI / 2) * cos (PI / 2) ^ S n) (sin 0 * cos 0 ^ S n))).
  { apply (is_RInt_derive (fun x => sin x * cos x ^ S n)).
    - intros x _. apply wallis_derive.
    - intros x _. apply cont_of_ex_derive. auto_derive. exact I. }
  unfold Iw. rewrite <- (is_RInt_unique _ _ _ _ H1), (is_RInt_unique _ _ _ _ H2).
  rewrite cos_PI2_pow, sin_0. unfold minus, plus, opp. simpl. ring.
Qed.

(** I_{e+2} + (e+2)^2/2 J_{e+2} - (e+2)(e+1)/2 J_e = 0 *)
Lemma Jw_rec n :
  Iw (S (S n)) + (INR n + 2) ^ 2 / 2 * Jw (S (S n)) - (INR n + 2) * (INR n + 1) / 2 * Jw n = 0.
Proof.
  pose proof (is_RInt_lin3 _ _ _ 0 (PI / 2) _ _ _ ((INR n + 2) ^ 2 / 2) ((INR n + 2) * (INR n + 1) / 2)
                (RInt_correct _ _ _ (ex_RInt_Iw (S (S n))))
                (RInt_correct _ _ _ (ex_RInt_Jw (S (S n)))) (RInt_correct _ _ _ (ex_RInt_Jw n))) as H1.
  set (F := fun x => x * cos x ^ S (S n) + (INR n + 2) / 2 * (x ^ 2 * sin x * cos x ^ S n)).
  assert (H2 : is_RInt (fun x => cos x ^ S (S n) + (INR n + 2) ^ 2 / 2 * (x ^ 2 * cos x ^ S (S n))
                                 - (INR n + 2) * (INR n + 1) / 2 * (x ^ 2 * cos x ^ n)) 0 (PI / 2)
                (minus (F (PI / 2)) (F 0))).
  { apply (is_RInt_derive F).
    - intros x _. apply J_derive.
    - intros x _. apply cont_of_ex_derive. auto_derive. exact I. }
  unfold Iw, Jw. rewrite <- (is_RInt_unique _ _ _ _ H1), (is_RInt_unique _ _ _ _ H2).
  unfold F. rewrite !cos_PI2_pow, sin_0. unfold minus, plus, opp. simpl. ring.
Qed.

Lemma Iw_0 : Iw 0 = PI / 2.
Proof.
  unfold Iw. simpl. rewrite RInt_const. unfold scal. simpl. unfold mult. simpl. ring.
Qed.

Lemma Jw_0 : Jw 0 = PI ^ 3 / 24.
Proof.
  assert (H : is_RInt (fun x => x ^ 2 * cos x ^ 0) 0 (PI / 2) (minus ((PI / 2) ^ 3 / 3) (0 ^ 3 / 3))).
  { apply (is_RInt_derive (fun x => x ^ 3 / 3)).
    - intros x _. auto_derive; [exact I | simpl; field].
    - intros x _. apply cont_of_ex_derive. auto_derive. exact I. }
  unfold Jw. rewrite (is_RInt_unique _ _ _ _ H). unfold minus, plus, opp. simpl. field.
Qed.

Lemma Iw_even_pos m : 0 < Iw (2 * m).
Proof.
  induction m as [|m IH].
  - replace (2 * 0)%nat with 0%nat by lia. rewrite Iw_0. pose proof PI_RGT_0. lra.
  - pose proof (Iw_rec (2 * m)) as H. replace (2 * S m)%nat with (S (S (2 * m))) by lia.
    assert (0 <= INR (2 * m)) by apply pos_INR.
    assert (E : Iw (S (S (2 * m))) = (INR (2 * m) + 1) / (INR (2 * m) + 2) * Iw (2 * m))
      by (apply Rmult_eq_reg_l with (INR (2 * m) + 2); [|lra]; field_simplify; lra).
    rewrite E. apply Rmult_lt_0_compat; [apply Rdiv_lt_0_compat|]; lra.
Qed.

Lemma Jw_even_nonneg m : 0 <= Jw (2 * m).
Proof.
  pose proof PI_RGT_0. apply RInt_ge_0; [lra | apply ex_RInt_Jw|].
  intros x _. rewrite pow_mult. apply Rmult_le_pos; [apply pow2_ge_0|].
  apply pow_le. apply pow2_ge_0.
Qed.

Definition Tw (m : nat) : R := 2 * Jw (2 * m) / Iw (2 * m).

(** 1/(m+1)^2 = T_m - T_{m+1} *)
Lemma Tw_step m : / (INR m + 1) ^ 2 = Tw m - Tw (S m).
Proof.
  pose proof (Iw_rec (2 * m)) as H1. pose proof (Jw_rec (2 * m)) as H2.
  unfold Tw. replace (2 * S m)%nat with (S (S (2 * m))) by lia.
  pose proof (Iw_even_pos m) as Ha. pose proof (Iw_even_pos (S m)) as Hb.
  replace (2 * S m)%nat with (S (S (2 * m))) in Hb by lia.
  assert (Hm : INR (2 * m) = 2 * INR m) by (rewrite mult_INR; simpl; ring).
  set (a := Iw (2 * m)) in *. set (b := Iw (S (S (2 * m)))) in *.
  set (x := Jw (2 * m)) in *. set (y := Jw (S (S (2 * m)))) in *.
  set (e := INR (2 * m)) in *.
  assert (Hk : 0 < INR m + 1) by (pose proof (pos_INR m); lra).
  set (k := INR m + 1) in *.
  assert (Hn : (2 * k - 1) * (2 * x * b * k ^ 2 - 2 * y * a * k ^ 2 - a * b) = 0).
  { transitivity ((2 * y * k ^ 2 + b) * ((e + 2) * b - (e + 1) * a)
                  - 2 * k * b * (b + (e + 2) ^ 2 / 2 * y - (e + 2) * (e + 1) / 2 * x)).
    - unfold k. rewrite Hm. field.
    - rewrite H1, H2. ring. }
  assert (Hk1 : 1 <= k) by (unfold k; pose proof (pos_INR m); lra).
  apply Rmult_integral in Hn. destruct Hn as [Hn|Hn]; [lra|].
  apply Rmult_eq_reg_r with (a * b * k ^ 2); [|apply Rgt_not_eq; repeat apply Rmult_lt_0_compat; try apply pow_lt; lra].
  field_simplify; try lra.
Qed.

(** sum_{j=0}^{i} 1/(j+1)^2 = pi^2/6 - T_{i+1} *)
Lemma basel_partial_eq i : sumn (S i) (fun j => / (INR j + 1) ^ 2) = PI ^ 2 / 6 - Tw (S i).
Proof.
  induction i as [|i IH].
  - rewrite sumn_S, sumn_0, Rplus_0_l, Tw_step. unfold Tw. replace (2 * 0)%nat with 0%nat by lia.
    rewrite Iw_0, Jw_0. pose proof PI_RGT_0. pose proof (Iw_even_pos 1).
    field; repeat split; try assumption; apply Rgt_not_eq; assumption.
  - rewrite sumn_S, IH, Tw_step. ring.
Qed.

(** R4 growing-size (Basel constant): sum_{j=0}^{i} (j+1)^(-2) <= pi^2/6. *)
Theorem R4_inv_sq_sum_le_basel i : sumn (S i) (fun j => / (INR j + 1) ^ 2) <= PI ^ 2 / 6.
Proof.
  rewrite basel_partial_eq. unfold Tw.
  pose proof (Jw_even_nonneg (S i)). pose proof (Iw_even_pos (S i)).
  assert (0 <= 2 * Jw (2 * S i) / Iw (2 * S i))
    by (apply Rmult_le_pos; [lra | left; apply Rinv_0_lt_compat; lra]).
  lra.
Qed.

(** Strictly: the next partial sum is larger and still <= pi^2/6. *)
Theorem R4_inv_sq_sum_lt_basel i : sumn (S i) (fun j => / (INR j + 1) ^ 2) < PI ^ 2 / 6.
Proof.
  pose proof (R4_inv_sq_sum_le_basel (S i)) as H. rewrite sumn_S in H.
  assert (0 < / (INR (S i) + 1) ^ 2)
    by (apply Rinv_0_lt_compat, pow_lt; pose proof (pos_INR (S i)); lra).
  lra.
Qed.

(** With eps_j = c (N0 (j+1)^4)^(-1/2) and lam = 0:  B_i < (pi^2/6) c N0^(-1/2). *)
Theorem R4_growing_size_basel c N0 i :
  0 < c -> 0 < N0 ->
  B (fun _ => 0) (fun j => c / sqrt (N0 * (INR j + 1) ^ 4)) i < PI ^ 2 / 6 * (c / sqrt N0).
Proof.
  intros Hc HN. rewrite R4_growing_size_sum by exact HN.
  assert (0 < c / sqrt N0) by (apply Rdiv_lt_0_compat; [exact Hc | apply sqrt_lt_R0; exact HN]).
  rewrite (Rmult_comm (PI ^ 2 / 6)). apply Rmult_lt_compat_l; [lra | apply R4_inv_sq_sum_lt_basel].
Qed.
