// Bridge texts of the benchmark scenarios. One constant per document; the
// scenario families in this folder pair them with inputs and tools.

export const SIMPLE = `version 1.5
bridge Query.simple {
  with api
  with input as i
  with output as o

  api.q <- i.q
  o.result <- api.answer
}`;

export const PASSTHROUGH = `version 1.5
bridge Query.passthrough {
  with input as i
  with output as o

  o.id <- i.id
  o.name <- i.name
}`;

export const SHORT_CIRCUIT = `version 1.5
bridge Query.shortCircuit {
  with expensiveApi
  with input as i
  with output as o

  o.val <- i.cached
  o.val <- expensiveApi.data
}`;

export const CHAINED = `version 1.5
bridge Query.chained {
  with svcA
  with svcB
  with svcC
  with input as i
  with output as o

  svcA.q <- i.q
  svcB.x <- svcA.lat
  svcB.y <- svcA.lon
  svcC.id <- svcB.id
  o.name <- svcC.name
  o.score <- svcC.score
  o.lat <- svcA.lat
}`;

export const FLAT = `version 1.5
bridge Query.flatArray {
  with api
  with output as o

  o <- api.items[] as it {
    .id <- it.id
    .name <- it.name
    .value <- it.value
  }
}`;

export const NESTED = `version 1.5
bridge Query.nested {
  with api
  with output as o

  o <- api.connections[] as c {
    .id <- c.id
    .legs <- c.sections[] as s {
      .trainName <- s.name
      .origin <- s.departure
      .destination <- s.arrival
    }
  }
}`;

export const ENRICHED = `version 1.5
bridge Query.enriched {
  with api
  with enrich
  with output as o

  o <- api.items[] as it {
    alias resp <- enrich:it
    .a <- resp.a
    .b <- resp.b
  }
}`;

/** `handles` tool handles with `wiresPerHandle` wires each: handle k reads handle k-1 (handle 0 reads input). */
export function largeBridgeText(handles = 20, wiresPerHandle = 5): string {
  const lines = ["version 1.5", "bridge Query.large {", "  with input as i"];
  for (let k = 0; k < handles; k++) lines.push(`  with svc${k}`);
  lines.push("  with output as o", "");
  for (let k = 0; k < handles; k++) {
    for (let w = 0; w < wiresPerHandle; w++) {
      const from = k === 0 ? `i.arg${w}` : `svc${k - 1}.out${w}`;
      lines.push(`  svc${k}.field${w} <- ${from}`);
    }
  }
  for (let k = 0; k < handles; k++) lines.push(`  o.result${k} <- svc${k}.out0`);
  lines.push("}");
  return lines.join("\n");
}
