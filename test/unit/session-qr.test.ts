import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { sessionQrSvg, sessionUrl } from "../../client/src/panels/sessionQr.ts";

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
const where = { origin: "https://thb.example", pathname: "/explorer/" };

describe("session QR codes", () => {
  it("draws a session's URL as SVG with a path", async () => {
    const svg = await sessionQrSvg(sessionUrl("lisbon-2016-session-3", "en", where));
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = xml.parse(svg);
    expect(doc.svg["@xmlns"]).toBe("http://www.w3.org/2000/svg");
    const paths = [doc.svg.path].flat();
    expect(paths.some((path: Record<string, string>) => (path["@d"] ?? "").length > 100)).toBe(true);
  });

  it("gives longer URLs a larger code", async () => {
    const size = async (url: string) =>
      Number(xml.parse(await sessionQrSvg(url)).svg["@viewBox"].split(" ")[2]);
    expect(await size(`https://thb.example/?session=${"s".repeat(200)}`)).toBeGreaterThan(
      await size("https://thb.example/?session=s"),
    );
  });

  it("links to the session's view, in Portuguese when the interface is", () => {
    expect(sessionUrl("lisbon-2016-session-3", "en", where)).toBe(
      "https://thb.example/explorer/?session=lisbon-2016-session-3",
    );
    expect(sessionUrl("lisbon-2016-session-3", "pt", where)).toBe(
      "https://thb.example/explorer/?session=lisbon-2016-session-3&lang=pt",
    );
  });
});
