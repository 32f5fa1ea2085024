/**
 * Launch sizes per adapter kind. A GPU wants many workgroups (one element per thread); a CPU
 * implementation such as lavapipe pays a fixed cost per workgroup (and per barrier), so there a
 * few fat workgroups with grid-stride loops run several times faster.
 */
import type { Gpu } from './device.js';

/** How many workgroups kernels launch at most. */
export interface LaunchProfile {
  /** Elementwise kernels: workgroups at most (threads loop over the rest). */
  elementwiseGroups: number;
  /** Reductions: workgroups (= partials folded on the host) at most. */
  reducePartials: number;
}

const GPU: LaunchProfile = { elementwiseGroups: 65535, reducePartials: 512 };
const CPU: LaunchProfile = { elementwiseGroups: 128, reducePartials: 16 };

/**
 * The launch profile of device `g`.
 *
 * @example
 * ```ts
 * launchProfile(g).elementwiseGroups; // 128 on lavapipe
 * ```
 */
export function launchProfile(g: Gpu): LaunchProfile {
  return g.info.software ? CPU : GPU;
}
