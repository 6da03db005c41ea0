package java.math;

/*
 * Boot-class-path stub of java.math.BigInteger for KeY 2.12.3 (loopbound).
 *
 * This file replaces java/math/BigInteger.java of KeY's built-in JavaRedux; the rest of JavaRedux is taken
 * unchanged from the key.core jar at test time (see KernelContractsProofTest). The ghost field `value` and the
 * compareTo contract are KeY's own (parameter renamed to the JDK's `val`); the contracts of add, subtract,
 * multiply, negate, shiftRight and signum were added for loopbound. KeY's ZERO (with its static invariant),
 * valueOf and mod were dropped because the kernel uses none of them, which keeps the trusted base to the seven
 * methods the kernel calls (a static invariant would also become a precondition of every call into the class).
 *
 * EVERY CONTRACT IN THIS FILE IS TRUSTED, NOT PROVED: the methods have no bodies, KeY only uses the contracts.
 * They restate the JDK's documented semantics of java.math.BigInteger (Java SE 17 API documentation):
 * results are never null (JML non_null default), no method changes an existing object, and
 * shiftRight(n) "computes floor(this / 2^n)" (stated here for n >= 0 only).
 * Freshness of results is deliberately NOT claimed: the JDK may return `this` or a shared constant.
 */
public final class BigInteger extends java.lang.Number implements java.lang.Comparable {

   //@ public final ghost \bigint value;

   /*@ public normal_behavior
     @ requires true;
     @ ensures (\result <= 0) <==> (this.value - val.value <= 0);
     @ ensures (\result >= 0) <==> (this.value - val.value >= 0);
     @ assignable \strictly_nothing;
     @ determines \result \by this.value, val.value;
     @*/
   public int compareTo(java.math.BigInteger val);

   /*@ public normal_behavior
     @ requires true;
     @ ensures \result.value == this.value + val.value;
     @ assignable \nothing;
     @*/
   public java.math.BigInteger add(java.math.BigInteger val);

   /*@ public normal_behavior
     @ requires true;
     @ ensures \result.value == this.value - val.value;
     @ assignable \nothing;
     @*/
   public java.math.BigInteger subtract(java.math.BigInteger val);

   /*@ public normal_behavior
     @ requires true;
     @ ensures \result.value == this.value * val.value;
     @ assignable \nothing;
     @*/
   public java.math.BigInteger multiply(java.math.BigInteger val);

   /*@ public normal_behavior
     @ requires true;
     @ ensures \result.value == -this.value;
     @ assignable \nothing;
     @*/
   public java.math.BigInteger negate();

   /*@ public normal_behavior
     @ requires 0 <= n;
     @ ensures \result.value * \dl_pow(2, n) <= this.value;
     @ ensures this.value < (\result.value + 1) * \dl_pow(2, n);
     @ assignable \nothing;
     @*/
   public java.math.BigInteger shiftRight(int n);

   /*@ public normal_behavior
     @ requires true;
     @ ensures this.value > 0 ==> \result == 1;
     @ ensures this.value == 0 ==> \result == 0;
     @ ensures this.value < 0 ==> \result == -1;
     @ assignable \strictly_nothing;
     @*/
   public int signum();
}
