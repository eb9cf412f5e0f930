// A tiny stand-in for two weather APIs (geocoding and forecast) on 127.0.0.1,
// so the example runs offline.
import { createServer } from "node:http";

const places = {
  berlin: { name: "Berlin", lat: 52.52, lon: 13.41 },
  zurich: { name: "Zurich", lat: 47.37, lon: 8.54 },
};
const forecasts = {
  "52.52,13.41": { temperature: 3.5, condition: "overcast" },
  "47.37,8.54": { temperature: 7, condition: "sunny" },
};

function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** Starts the fake APIs; resolves to { url, close }. */
export async function startWeatherApi() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/geocode") {
      const place = places[(url.searchParams.get("city") ?? "").toLowerCase()];
      return send(res, 200, { results: place ? [place] : [] });
    }
    if (url.pathname === "/forecast") {
      const current = forecasts[`${url.searchParams.get("lat")},${url.searchParams.get("lon")}`];
      return current ? send(res, 200, { current }) : send(res, 404, { error: "no forecast" });
    }
    send(res, 404, { error: "not found" });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}
