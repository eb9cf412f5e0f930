// Runs the weather example: starts the local APIs, executes Query.weather, prints the data.
//   node examples/weather/run.mjs [city]
import { readFileSync } from "node:fs";
import { executeBridge, formatBridgeError, parseBridge } from "bridgekit";
import { startWeatherApi } from "./server.mjs";

export async function runWeather(city = "Berlin") {
  const api = await startWeatherApi();
  const source = readFileSync(new URL("./weather.bridge", import.meta.url), "utf8");
  try {
    const document = parseBridge(source, { filename: "weather.bridge" });
    const { data } = await executeBridge({
      document,
      operation: "Query.weather",
      input: { city },
      context: { apiBase: api.url },
    });
    return data;
  } catch (err) {
    throw new Error(formatBridgeError(err, { source, filename: "weather.bridge" }));
  } finally {
    await api.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runWeather(process.argv[2]), null, 2));
}
