#!/usr/bin/env python3
"""fit_tanh.py: the coefficients of det::tanh_of (engine/detmath.h).

Fits tanh(x)/x on [0, X] as P(t)/Q(t) with t = x², Q(0) = 1, minimising the
largest relative error: linearised least squares (x·P − tanh(x)·Q)/tanh(x),
reweighted by Lawson's rule until the error levels out. Then evaluates the
result as the engine does (float32, Horner, clamps) and prints its largest
relative error against tanh in double, and its values where it must saturate.

A development tool, not part of the build: needs python3-numpy.
    python3 scripts/fit_tanh.py [P_DEGREE Q_DEGREE [X]]      (default 5 3 9)
"""
import sys

import numpy as np


def fit(p_degree, q_degree, X, iterations=400):
    """Coefficients (lowest power first) of P and Q in t, and the exact-arithmetic error."""
    x = np.concatenate([np.linspace(1e-4, X, 6000),
                        X * (1 - np.cos(np.linspace(0, np.pi / 2, 3000)))])  # dense near X
    x = np.unique(x[x > 0])
    s = (x * x) / (X * X)  # t scaled to [0, 1]: the normal equations stay well conditioned
    y = np.tanh(x) / x
    powers_p = np.vstack([s**k for k in range(p_degree + 1)]).T
    powers_q = np.vstack([s**k for k in range(1, q_degree + 1)]).T
    A = np.hstack([powers_p, -y[:, None] * powers_q])
    weight = np.ones_like(x)
    best = None
    for _ in range(iterations):
        row_scale = np.sqrt(weight) / y
        c, *_ = np.linalg.lstsq(A * row_scale[:, None], y * row_scale, rcond=None)
        p, q = c[:p_degree + 1], np.concatenate([[1.0], c[p_degree + 1:]])
        error = np.abs(np.polyval(p[::-1], s) / np.polyval(q[::-1], s) - y) / y
        if best is None or error.max() < best[0]:
            best = (error.max(), p.copy(), q.copy())
        weight = weight * error
        weight /= weight.sum()
    error, p, q = best
    # Back from s = t/X² to t.
    return p / (X * X)**np.arange(p_degree + 1), q / (X * X)**np.arange(q_degree + 1), error


def tanh_float32(p, q, X, x):
    """det::tanh_of's arithmetic in float32 for x ≥ 0: a = min(x, X), a·P(a²)/Q(a²), min 1."""
    f = np.float32
    a = np.minimum(x.astype(f), f(X))
    t = a * a
    P = np.full_like(t, f(p[-1]))
    for c in p[-2::-1]:
        P = P * t + f(c)
    Q = np.full_like(t, f(q[-1]))
    for c in q[-2::-1]:
        Q = Q * t + f(c)
    return np.minimum(a * P / Q, f(1))


def main():
    args = sys.argv[1:]
    p_degree, q_degree = (int(args[0]), int(args[1])) if len(args) >= 2 else (5, 3)
    X = float(args[2]) if len(args) >= 3 else 9.0
    p, q, exact_error = fit(p_degree, q_degree, X)
    x = np.linspace(0, 12, 2_000_001).astype(np.float32)[1:]
    got = tanh_float32(p, q, X, x).astype(np.float64)
    want = np.tanh(x.astype(np.float64))
    rel = np.abs(got - want) / want
    print(f"degrees {p_degree}/{q_degree} in x² on [0, {X:g}]: largest relative error "
          f"{exact_error:.3g} exact, {rel.max():.3g} in float32 (at x = {x[rel.argmax()]:.4g})")
    ends = tanh_float32(p, q, X, np.array([X, 100.0], dtype=np.float32))
    print(f"value at {X:g} and at 100: {float(ends[0])!r}, {float(ends[1])!r} (want 1.0)")
    print("P, highest power first:", ", ".join(repr(float(v)) for v in p[::-1]))
    print("Q, highest power first:", ", ".join(repr(float(v)) for v in q[::-1]))


if __name__ == "__main__":
    main()
