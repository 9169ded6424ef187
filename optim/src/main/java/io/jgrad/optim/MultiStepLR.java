package io.jgrad.optim;

import java.util.Arrays;

/** Decays by {@code gamma} at each milestone epoch: lr = base · gamma^(milestones passed). */
public class MultiStepLR extends LRScheduler {
    public MultiStepLR(Optimizer optimizer, int[] milestones, double gamma) {
        super(optimizer, "milestones=" + Arrays.toString(milestones) + ", gamma=" + gamma, require(isSorted(milestones), "MultiStepLR: milestones should be increasing; got "
                + Arrays.toString(milestones), (base, epoch) -> base * Math.pow(gamma, passed(milestones, epoch))));
    }

    private static boolean isSorted(int[] m) {
        for (int i = 1; i < m.length; i++) if (m[i] < m[i - 1]) return false;
        return true;
    }

    private static long passed(int[] milestones, int epoch) {
        return Arrays.stream(milestones).filter(m -> m <= epoch).count();
    }
}
