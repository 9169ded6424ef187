package io.jgrad.core.kernel;

/**
 * The error function, which Java's Math lacks. This is fdlibm's {@code s_erf.c} (Sun Microsystems, 1993,
 * freely distributable; FreeBSD's msun and glibc's dbl-64 erf are the same code), whose rational
 * approximations are within 1 ulp: glibc's erf is what PyTorch's CPU kernel calls, or its SIMD
 * replacement, which agrees with it to 1 ulp. The constants are fdlibm's, bit for bit.
 */
final class ErrorFunction {
    private ErrorFunction() {}

    /** erf(1) rounded to float (24 bits), so that erx + P/Q is exact to double in [0.84375, 1.25). */
    private static final double ERX = 8.45062911510467529297e-01;
    /** 2/sqrt(pi) - 1, and that times 8 for denormal-range inputs, where efx·x would lose bits. */
    private static final double EFX = 1.28379167095512586316e-01, EFX8 = 1.02703333676410069053e+00;

    /** (erf(x) - x)/x = P(x²)/Q(x²) on |x| < 0.84375. */
    private static final double[] PP = {1.28379167095512558561e-01, -3.25042107247001499370e-01,
        -2.84817495755985104766e-02, -5.77027029648944159157e-03, -2.37630166566501626084e-05};
    private static final double[] QQ = {1, 3.97917223959155352819e-01, 6.50222499887672944485e-02,
        5.08130628187576562776e-03, 1.32494738004321644526e-04, -3.96022827877536812320e-06};

    /** erf(1 + s) - ERX = P(s)/Q(s) on 0.84375 <= |x| < 1.25. */
    private static final double[] PA = {-2.36211856075265944077e-03, 4.14856118683748331666e-01,
        -3.72207876035701323847e-01, 3.18346619901161753674e-01, -1.10894694282396677476e-01,
        3.54783043256182359371e-02, -2.16637559486879084300e-03};
    private static final double[] QA = {1, 1.06420880400844228286e-01, 5.40397917702171048937e-01,
        7.18286544141962662868e-02, 1.26171219808761642112e-01, 1.36370839120290507362e-02,
        1.19844998467991074170e-02};

    /** log(x·erfc(x)) + x² + 0.5625 = R(1/x²)/S(1/x²) on 1.25 <= |x| < 1/0.35. */
    private static final double[] RA = {-9.86494403484714822705e-03, -6.93858572707181764372e-01,
        -1.05586262253232909814e+01, -6.23753324503260060396e+01, -1.62396669462573470355e+02,
        -1.84605092906711035994e+02, -8.12874355063065934246e+01, -9.81432934416914548592e+00};
    private static final double[] SA = {1, 1.96512716674392571292e+01, 1.37657754143519042600e+02,
        4.34565877475229228821e+02, 6.45387271733267880336e+02, 4.29008140027567833386e+02,
        1.08635005541779435134e+02, 6.57024977031928170135e+00, -6.04244152148580987438e-02};

    /** The same on 1/0.35 <= |x| < 6, beyond which erf is ±1 in double. */
    private static final double[] RB = {-9.86494292470009928597e-03, -7.99283237680523006574e-01,
        -1.77579549177547519889e+01, -1.60636384855821916062e+02, -6.37566443368389627722e+02,
        -1.02509513161107724954e+03, -4.83519191608651397019e+02};
    private static final double[] SB = {1, 3.03380607434824582924e+01, 3.25792512996573918826e+02,
        1.53672958608443695994e+03, 3.19985821950859553908e+03, 2.55305040643316442583e+03,
        4.74528541206955367215e+02, -2.24409524465858183362e+01};

    static double erf(double x) {
        if (Double.isNaN(x)) return x;
        double a = Math.abs(x);
        if (a < 0.84375) {
            if (a < 0x1p-28) {  // erf(x) = x·2/sqrt(pi) to double here; 8x keeps denormals' bits
                return a < 0x1p-1015 ? 0.125 * (8.0 * x + EFX8 * x) : x + EFX * x;
            }
            double z = x * x;
            return x + x * (poly(PP, z) / poly(QQ, z));
        }
        if (a < 1.25) {
            double s = a - 1, r = ERX + poly(PA, s) / poly(QA, s);
            return x < 0 ? -r : r;
        }
        if (a >= 6) return Math.copySign(1.0, x);  // also ±inf
        double s = 1 / (a * a);
        double rs = a < 1 / 0.35 ? poly(RA, s) / poly(SA, s) : poly(RB, s) / poly(SB, s);
        // exp(-a² - 0.5625 + R/S) with -a² split as -z² + (z - a)(z + a), z being a with its low 32 bits
        // cleared: z² is then exact, so the large exponent carries no rounding error.
        double z = Double.longBitsToDouble(Double.doubleToRawLongBits(a) & 0xffffffff00000000L);
        double r = Math.exp(-z * z - 0.5625) * Math.exp((z - a) * (z + a) + rs);
        double result = 1 - r / a;
        return x < 0 ? -result : result;
    }

    /** c[0] + t·(c[1] + t·(c[2] + ...)), Horner's order, as fdlibm writes its polynomials out. */
    private static double poly(double[] c, double t) {
        double p = c[c.length - 1];
        for (int i = c.length - 2; i >= 0; i--) p = c[i] + t * p;
        return p;
    }
}
