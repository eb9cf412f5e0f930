// Every example in examples/ runs and gives the documented result.
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support.js";

const examples = fileURLToPath(new URL("../../../examples/", import.meta.url));

describe("examples", () => {
  it("enrichment: per-element tool calls through the CLI", async () => {
    const r = await runCli([
      "run", join(examples, "enrichment/catalog.bridge"),
      "--tools", join(examples, "enrichment/tools.mjs"),
      "--input", `@${join(examples, "enrichment/input.json")}`,
    ]);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      shelf: "sci-fi",
      books: [
        { isbn: "978-0441013593", title: "Dune", label: "Dune (1965)", stars: 4.6 },
        { isbn: "978-0553283686", title: "Hyperion", label: "Hyperion (1989)", stars: 4.3 },
        { isbn: "978-0000000000", title: "Unrated Draft", label: "Unrated Draft (2024)", stars: 0 },
      ],
    });
  });

  it("rules: a decision from input and constants", async () => {
    const r = await runCli(["run", join(examples, "rules/loan.bridge"), "--input", `@${join(examples, "rules/application.json")}`]);
    expect(JSON.parse(r.stdout)).toEqual({
      applicant: "Ada Lovelace",
      approved: true,
      tier: "prime",
      debtRatio: 0.2,
      ratePercent: 3.9,
    });
    const rejected = await runCli(["run", join(examples, "rules/loan.bridge"), "--input", '{"name":"Bo","score":600,"amount":1000,"monthlyIncome":1000,"monthlyDebt":100}']);
    expect(JSON.parse(rejected.stdout)).toMatchObject({ approved: false, tier: "standard" });
  });

  it("weather: two chained httpCall tools against the local API", async () => {
    const { runWeather } = await import("../../../examples/weather/run.mjs");
    expect(await runWeather("Zurich")).toEqual({ city: "Zurich", temperatureC: 7, summary: "Zurich: sunny" });
  });

  it("server: the engine factory behind node:http", async () => {
    const { startQuoteServer } = await import("../../../examples/server/server.mjs");
    const server = await startQuoteServer(0);
    try {
      const res = await fetch(`${server.url}/quote?amount=20&currency=USD`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ amount: 20, chf: 17.6, text: "20 USD = CHF" });
    } finally {
      await server.close();
    }
  });
});
