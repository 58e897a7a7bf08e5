import { describe, expect, it, vi } from "vitest";
import {
  chooseRendering,
  rendererParam,
  THRESHOLDS,
  type WebglSupport,
  webglSupportOf,
} from "../../client/src/rendering.ts";

/** A graph of about `elements` nodes + edges, shaped like the data (about 3.5 edges per node). */
const size = (elements: number) => {
  const nodes = Math.round(elements / 4.5);
  return { nodes, edges: elements - nodes };
};

describe("chooseRendering", () => {
  it("keeps today's look for small graphs: canvas, fcose, animated, the screen's pixel ratio", () => {
    expect(chooseRendering({ nodes: 80, edges: 190 }, { webgl: "gpu" })).toEqual({
      renderer: "canvas",
      source: "auto",
      overview: "fcose",
      animate: true,
      pixelRatio: "auto",
      minZoom: 0.15,
    });
  });

  it.each<[number, WebglSupport, string, string, boolean]>([
    [THRESHOLDS.large - 1, "gpu", "canvas", "fcose", true],
    [THRESHOLDS.large, "gpu", "canvas", "forceatlas2", false],
    [THRESHOLDS.webgl - 1, "gpu", "canvas", "forceatlas2", false],
    [THRESHOLDS.webgl, "gpu", "webgl", "forceatlas2", false],
    [20_000, "gpu", "webgl", "forceatlas2", false],
    [20_000, "software", "canvas", "forceatlas2", false],
    [20_000, "none", "canvas", "forceatlas2", false],
  ])("at %i elements with %s WebGL: %s, %s, animated %s", (elements, webgl, renderer, overview, animate) => {
    const choice = chooseRendering(
      elements === THRESHOLDS.large - 1 ? { nodes: 0, edges: elements } : size(elements),
      { webgl },
    );
    expect(choice).toMatchObject({ renderer, overview, animate, source: "auto" });
    expect(choice.pixelRatio).toBe(animate ? "auto" : 1);
  });

  it("lets large graphs zoom out far enough to be seen whole", () => {
    expect(chooseRendering(size(20_000), { webgl: "none" }).minZoom).toBeLessThan(0.15);
  });

  it("never animates when the user asks for reduced motion", () => {
    expect(chooseRendering({ nodes: 10, edges: 5 }, { webgl: "gpu", reducedMotion: true }).animate).toBe(
      false,
    );
  });

  it("follows ?renderer=, WebGL even in software, but not where there is no WebGL 2 at all", () => {
    const small = { nodes: 10, edges: 5 };
    expect(chooseRendering(small, { webgl: "software", forced: "webgl" })).toMatchObject({
      renderer: "webgl",
      source: "forced",
      overview: "fcose",
    });
    expect(chooseRendering(small, { webgl: "none", forced: "webgl" }).renderer).toBe("canvas");
    expect(chooseRendering(size(20_000), { webgl: "gpu", forced: "canvas" })).toMatchObject({
      renderer: "canvas",
      source: "forced",
      overview: "forceatlas2",
    });
  });

  it("probes WebGL only when it is in question", () => {
    const probe = vi.fn((): WebglSupport => "gpu");
    chooseRendering({ nodes: 10, edges: 5 }, { webgl: probe });
    chooseRendering(size(20_000), { webgl: probe, forced: "canvas" });
    expect(probe).not.toHaveBeenCalled();
    expect(chooseRendering(size(20_000), { webgl: probe }).renderer).toBe("webgl");
    expect(probe).toHaveBeenCalledTimes(1);
  });
});

describe("rendererParam", () => {
  it.each([
    ["?renderer=webgl", "webgl"],
    ["?layout=flow&renderer=canvas", "canvas"],
    ["?renderer=WEBGL", null],
    ["?renderer=svg", null],
    ["?renderer=", null],
    ["", null],
  ])("%s → %s", (search, expected) => {
    expect(rendererParam(search)).toBe(expected);
  });
});

describe("webglSupportOf", () => {
  it.each<[string | null, WebglSupport]>([
    [
      "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)",
      "software",
    ],
    ["llvmpipe (LLVM 15.0.6, 256 bits)", "software"],
    ["ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)", "software"],
    ["ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)", "gpu"],
    ["Apple M2", "gpu"],
    ["WebKit WebGL", "gpu"],
    [null, "none"],
  ])("%s → %s", (name, expected) => {
    expect(webglSupportOf(name)).toBe(expected);
  });
});
