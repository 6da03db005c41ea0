(** * The whole loop on k atoms: one probability space for all generations

    Generation j draws N_j independent samples from its target
      q_j = lam_j p0 + sum_{l<j} mu_{j,l} phat_l,      phat_l = counts/N_l of generation l,
    given the draws of the earlier generations (general weights, R2/R5; generation 0 has
    lam_0 = 1).  The history h : nat -> nat -> nat holds the draws (h j t = draw t of
    generation j).  [Lw g j h F] is the expectation of F over generations j .. j+g-1 given
    the history h of generations < j (nested finite weighted sums, [Ex] of Multinomial.v).
    Theorem [R5_loop]: with eps_j = eps(N_j, delta, k) of EPS-EMP,
      P(TV(phat_i, p0) > Bg_i) <= (i+1) delta
    under this law -- the statement that [bound --scenario accumulate] prints, with McDiarmid
    the only [imported] step. *)

From Coq Require Import Reals Lra Lia.
From Loopbound Require Import TV Propagation Learner Multinomial.
Open Scope R_scope.

Section Loop.

Variable k : nat.
Variable p0 : nat -> R.
Hypothesis p0_nonneg : forall a, (a < k)%nat -> 0 <= p0 a.
Hypothesis p0_sum : sumn k p0 = 1.
(** sample sizes N_j > 0 *)
Variable Nsz : nat -> nat.
Hypothesis Nsz_pos : forall j, (0 < Nsz j)%nat.
(** real proportion lam_j >= 0 and weights mu_{j,l} >= 0 on the earlier generations *)
Variable lam : nat -> R.
Variable mu : nat -> nat -> R.
Hypothesis lam_nonneg : forall j, 0 <= lam j.
Hypothesis mu_nonneg : forall j l, (l < j)%nat -> 0 <= mu j l.
Hypothesis weights_sum : forall j, lam j + sumn j (mu j) = 1.
(** [imported] McDiarmid, for every distribution q on the k atoms and every sample size
    (as in Multinomial.v, section EpsEmpModel; McDiarmid 1989). *)
Hypothesis McDiarmid_all :
  forall (q : nat -> R) (N : nat), (forall a, (a < k)%nat -> 0 <= q a) -> sumn k q = 1 ->
  McDiarmid_ineq k q N.

Definition phat_h (h : nat -> nat -> nat) (l : nat) : nat -> R := phat_emp (Nsz l) (h l).

Definition qt (j : nat) (h : nat -> nat -> nat) : nat -> R :=
  fun a => lam j * p0 a + sumn j (fun l => mu j l * phat_h h l a).

Definition upd (h : nat -> nat -> nat) (j : nat) (x : nat -> nat) : nat -> nat -> nat :=
  fun j' => if (j' =? j)%nat then x else h j'.

Fixpoint Lw (g j : nat) (h : nat -> nat -> nat) (F : (nat -> nat -> nat) -> R) : R :=
  match g with
  | O => F h
  | S g' => Ex k (qt j h) (Nsz j) (fun x => Lw g' (S j) (upd h j x) F)
  end.

(** the draws of generations < j are valid (atoms < k) *)
Definition validh (j : nat) (h : nat -> nat -> nat) : Prop :=
  forall l, (l < j)%nat -> valid k (Nsz l) (h l).

Lemma validh_upd j h x : validh j h -> valid k (Nsz j) x -> validh (S j) (upd h j x).
Proof.
  intros Hh Hx l Hl. unfold upd. destruct (Nat.eqb_spec l j) as [->|Hne]; [exact Hx|].
  apply Hh. lia.
Qed.

Lemma qt_nonneg j h a : (a < k)%nat -> 0 <= qt j h a.
Proof.
  intros Ha. unfold qt. apply Rplus_le_le_0_compat.
  - apply Rmult_le_pos; [apply lam_nonneg | apply p0_nonneg; exact Ha].
  - apply sumn_nonneg. intros l Hl. apply Rmult_le_pos; [apply mu_nonneg; exact Hl|].
    apply phat_emp_nonneg.
Qed.

Lemma qt_sum j h : validh j h -> sumn k (qt j h) = 1.
Proof.
  intros Hh. unfold qt. rewrite sumn_plus, sumn_scal, p0_sum, sumn_swap.
  rewrite (sumn_ext j _ (fun l => mu j l)).
  - rewrite Rmult_1_r. exact (weights_sum j).
  - intros l Hl. rewrite sumn_scal. unfold phat_h. rewrite phat_emp_sum.
    + ring.
    + apply Nsz_pos.
    + apply Hh. exact Hl.
Qed.

(** q_j and phat_l (l < j) depend only on the draws of generations < j. *)
Lemma qt_upd_later j h j' x : (j <= j')%nat -> forall a, qt j (upd h j' x) a = qt j h a.
Proof.
  intros Hj a. unfold qt. f_equal. apply sumn_ext. intros l Hl. unfold phat_h, upd.
  replace (l =? j')%nat with false by (symmetry; apply Nat.eqb_neq; lia). reflexivity.
Qed.

Lemma Lw_le g j h F G :
  (forall h', F h' <= G h') -> Lw g j h F <= Lw g j h G.
Proof.
  revert j h. induction g as [|g IH]; intros j h; simpl; intros HFG; [apply HFG|].
  apply Ex_le; [intros a Ha; apply qt_nonneg; exact Ha|]. intros x. apply IH. exact HFG.
Qed.

Lemma Lw_plus g j h F G : Lw g j h (fun h' => F h' + G h') = Lw g j h F + Lw g j h G.
Proof.
  revert j h. induction g as [|g IH]; intros j h; simpl; [reflexivity|].
  rewrite <- Ex_plus. apply Ex_ext. intros x. apply IH.
Qed.

(** F depends only on the draws of generations < m *)
Definition dep_before (m : nat) (F : (nat -> nat -> nat) -> R) : Prop :=
  forall h h', (forall l, (l < m)%nat -> h l = h' l) -> F h = F h'.

(** Generations j, j+1, ... do not change a function of the earlier ones. *)
Lemma Lw_indep g j h F : validh j h -> dep_before j F -> Lw g j h F = F h.
Proof.
  revert j h. induction g as [|g IH]; intros j h Hh HF; simpl; [reflexivity|].
  rewrite (Ex_ext_valid k (qt j h) (fun a Ha => qt_nonneg j h a Ha) (Nsz j) _ (fun _ => F h)).
  - apply Ex_const. apply qt_sum. exact Hh.
  - intros x Hx. rewrite IH.
    + apply HF. intros l Hl. unfold upd.
      replace (l =? j)%nat with false by (symmetry; apply Nat.eqb_neq; lia). reflexivity.
    + apply validh_upd; assumption.
    + intros h1 h2 H12. apply HF. intros l Hl. apply H12. lia.
Qed.

(** The tower step: if, given any valid history of generations < j, the expectation over
    generation j's draws of F is at most delta, and F depends only on generations <= j,
    then its expectation under the loop's law is at most delta. *)
Lemma Lw_bound g j0 h j F delta :
  validh j0 h -> (j0 <= j)%nat -> (j < j0 + g)%nat -> dep_before (S j) F ->
  (forall h', validh j h' -> Ex k (qt j h') (Nsz j) (fun x => F (upd h' j x)) <= delta) ->
  Lw g j0 h F <= delta.
Proof.
  revert j0 h. induction g as [|g IH]; intros j0 h Hh Hj1 Hj2 HF Hd; [lia|]. simpl.
  destruct (Nat.eq_dec j j0) as [->|Hne].
  - eapply Rle_trans; [|apply (Hd h Hh)]. right.
    apply (Ex_ext_valid k (qt j0 h) (fun a Ha => qt_nonneg j0 h a Ha)). intros x Hx.
    apply Lw_indep; [apply validh_upd; assumption | exact HF].
  - eapply Rle_trans.
    + apply (Ex_le_valid k (qt j0 h) (fun a Ha => qt_nonneg j0 h a Ha) _ _ (fun _ => delta)).
      intros x Hx. apply IH; [apply validh_upd; assumption | lia | lia | exact HF | exact Hd].
    + right. apply Ex_const. apply qt_sum. exact Hh.
Qed.

(** The probability of an event of the whole history of generations 0..i (from any
    starting value h0, which only fills generations that are drawn anyway). *)
Variable i : nat.
Variable h0 : nat -> nat -> nat.
Definition PL (A : (nat -> nat -> nat) -> Prop) : R := Lw (S i) 0 h0 (fun h => indP (A h)).

Lemma PL_mono (A B : (nat -> nat -> nat) -> Prop) : (forall h, A h -> B h) -> PL A <= PL B.
Proof.
  intros H. unfold PL. apply Lw_le. intros h. unfold indP.
  destruct (ClassicalDedekindReals.sig_not_dec (A h)) as [a|a],
           (ClassicalDedekindReals.sig_not_dec (B h)) as [b|b]; try lra.
  exfalso. apply a. intros Ha. apply b. apply H. exact Ha.
Qed.

Lemma PL_union (A B : (nat -> nat -> nat) -> Prop) : PL (fun h => A h \/ B h) <= PL A + PL B.
Proof.
  unfold PL. rewrite <- Lw_plus. apply Lw_le. intros h. unfold indP.
  destruct (ClassicalDedekindReals.sig_not_dec (A h \/ B h)) as [c|c],
           (ClassicalDedekindReals.sig_not_dec (A h)) as [a|a],
           (ClassicalDedekindReals.sig_not_dec (B h)) as [b|b]; try lra.
  exfalso. apply c. intros [Ha|Hb]; [apply a | apply b]; assumption.
Qed.

Definition eps_loop (delta : R) (j : nat) : R := eps_emp (Nsz j) delta k.

(** Each generation j <= i misses its eps_j with probability at most delta under the
    loop's law (EPS-EMP given the earlier generations). *)
Lemma PL_miss delta j :
  0 < delta < 1 -> (j <= i)%nat ->
  PL (fun h => TV k (phat_h h j) (qt j h) > eps_loop delta j) <= delta.
Proof.
  intros Hd Hj. unfold PL.
  apply (Lw_bound (S i) 0 h0 j); [intros l Hl; lia | lia | lia | |].
  - intros h1 h2 H12.
    assert (E : TV k (phat_h h1 j) (qt j h1) = TV k (phat_h h2 j) (qt j h2)).
    { apply TV_ext; intros a _.
      - unfold phat_h. rewrite (H12 j) by lia. reflexivity.
      - unfold qt. f_equal. apply sumn_ext. intros l Hl. unfold phat_h.
        rewrite (H12 l) by lia. reflexivity. }
    cbv beta. rewrite E. reflexivity.
  - intros h' Hh'.
    pose proof (EPS_EMP_model k (qt j h') (fun a Ha => qt_nonneg j h' a Ha) (qt_sum j h' Hh')
                  (Nsz j) (Nsz_pos j)
                  (McDiarmid_all (qt j h') (Nsz j) (fun a Ha => qt_nonneg j h' a Ha)
                     (qt_sum j h' Hh')) delta Hd) as H.
    eapply Rle_trans; [|exact H]. right. unfold Pr.
    apply Ex_ext. intros x. cbv beta.
    assert (E : TV k (phat_h (upd h' j x) j) (qt j (upd h' j x)) = TV k (phat_emp (Nsz j) x) (qt j h')).
    { apply TV_ext; intros a _.
      - unfold phat_h, upd. rewrite Nat.eqb_refl. reflexivity.
      - apply qt_upd_later. lia. }
    rewrite E. reflexivity.
Qed.

(** R5 (general weights) on the loop's law, EPS-EMP per generation:
    P(TV(phat_i, p0) > Bg_i) <= (i+1) delta with eps_j = eps(N_j, delta, k).
    Generalized over the section's k, p0 (p0_nonneg, p0_sum), Nsz (Nsz_pos), lam, mu
    (lam_nonneg, mu_nonneg, weights_sum), i, h0 and the [imported] McDiarmid_all. *)
Theorem R5_loop delta :
  0 < delta < 1 ->
  PL (fun h => TV k (phat_h h i) p0 > Bg mu (eps_loop delta) i) <= (INR i + 1) * delta.
Proof.
  intros Hd.
  apply (R5_union_bound (nat -> nat -> nat) PL PL_mono PL_union k lam (eps_loop delta) mu p0
           (fun j h => phat_h h j) (fun j h => qt j h) delta i).
  - intros i' j _ Hj. apply mu_nonneg. exact Hj.
  - intros i' _. apply weights_sum.
  - intros i' w a _ _. reflexivity.
  - intros j Hj. apply PL_miss; assumption.
Qed.

End Loop.

(** R3 (previous generation only) as the special case mu_{j,j-1} = 1 - lam_j, lam_0 = 1. *)
Definition prev_lam (lamR : nat -> R) (j : nat) : R := match j with O => 1 | S _ => lamR j end.
Definition prev_mu (lamR : nat -> R) (j l : nat) : R := if (S l =? j)%nat then 1 - lamR j else 0.

(** R3 on the loop's law: generation 0 real-only, generation j+1 trains on
    lam_{j+1} p0 + (1 - lam_{j+1}) phat_j with lam_{j+1} in [0,1]:
    P(TV(phat_i, p0) > B_i) <= (i+1) delta with eps_j = eps(N_j, delta, k).
    No Section hypotheses; McDiarmid (cited in section [Loop]) is the premise McD. *)
Theorem R3_loop k p0 (Hp0 : forall a, (a < k)%nat -> 0 <= p0 a) (Hsum : sumn k p0 = 1)
  Nsz (Hpos : forall j, (0 < Nsz j)%nat) (lamR : nat -> R)
  (Hl : forall j, 0 <= lamR (S j) <= 1)
  (McD : forall (q : nat -> R) (N : nat), (forall a, (a < k)%nat -> 0 <= q a) -> sumn k q = 1 ->
     McDiarmid_ineq k q N)
  i h0 delta :
  0 < delta < 1 ->
  PL k p0 Nsz (prev_lam lamR) (prev_mu lamR) i h0
    (fun h => TV k (phat_h Nsz h i) p0 > B lamR (eps_loop k Nsz delta) i) <= (INR i + 1) * delta.
Proof.
  intros Hd. rewrite <- (R5_Bg_prev_is_B lamR).
  apply (R5_loop k p0 Hp0 Hsum Nsz Hpos (prev_lam lamR) (prev_mu lamR)); [| | |exact McD|exact Hd].
  - intros [|j]; simpl; [lra | apply Hl].
  - intros j l Hlj. unfold prev_mu. destruct (Nat.eqb_spec (S l) j) as [<-|]; [|lra].
    pose proof (Hl l). lra.
  - intros [|j]; [simpl; ring|]. unfold prev_lam. rewrite sumn_S.
    rewrite (sumn_ext j _ (fun _ => 0)).
    + rewrite sumn_zero. unfold prev_mu. rewrite Nat.eqb_refl. ring.
    + intros l Hlj. unfold prev_mu. replace (S l =? S j)%nat with false
        by (symmetry; apply Nat.eqb_neq; lia). reflexivity.
Qed.
