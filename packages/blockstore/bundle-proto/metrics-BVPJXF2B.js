import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  require_prom_client
} from "./chunk-SBAKYQUZ.js";
import {
  BANDWIDTH_RATE_WINDOW_MS
} from "./chunk-TSOVMAPR.js";
import {
  serviceCapabilities
} from "./chunk-6ENLWDBY.js";
import "./chunk-GJVBA7A3.js";
import {
  __toESM
} from "./chunk-OBWUN26Y.js";

// ../../node_modules/.pnpm/@libp2p+prometheus-metrics@5.0.24/node_modules/@libp2p/prometheus-metrics/dist/src/index.js
import { statfs } from "node:fs/promises";
import { totalmem } from "node:os";
var import_prom_client9 = __toESM(require_prom_client(), 1);

// ../../node_modules/.pnpm/@libp2p+prometheus-metrics@5.0.24/node_modules/@libp2p/prometheus-metrics/dist/src/counter-group.js
var import_prom_client = __toESM(require_prom_client(), 1);

// ../../node_modules/.pnpm/@libp2p+prometheus-metrics@5.0.24/node_modules/@libp2p/prometheus-metrics/dist/src/utils.js
var ONE_SECOND = 1e3;
var ONE_MINUTE = 60 * ONE_SECOND;
function normalizeString(str) {
  return str.replace(/[^a-zA-Z0-9_]/g, "_").replace(/_+/g, "_");
}

// ../../node_modules/.pnpm/@libp2p+prometheus-metrics@5.0.24/node_modules/@libp2p/prometheus-metrics/dist/src/counter-group.js
var PrometheusCounterGroup = class {
  counter;
  label;
  constructor(name, opts) {
    name = normalizeString(name);
    const help = normalizeString(opts.help ?? name);
    const label = this.label = normalizeString(opts.label ?? name);
    let collect;
    if (opts?.calculate != null) {
      collect = async function() {
        const values = await opts.calculate();
        Object.entries(values).forEach(([key, value]) => {
          this.inc({ [label]: key }, value);
        });
      };
    }
    this.counter = new import_prom_client.Counter({
      name,
      help,
      labelNames: [this.label],
      registers: opts.registry !== void 0 ? [opts.registry] : void 0,
      collect
    });
  }
  increment(values) {
    Object.entries(values).forEach(([key, value]) => {
      const inc = typeof value === "number" ? value : 1;
      this.counter.inc({ [this.label]: key }, inc);
    });
  }
  reset() {
    this.counter.reset();
  }
};

// ../../node_modules/.pnpm/@libp2p+prometheus-metrics@5.0.24/node_modules/@libp2p/prometheus-metrics/dist/src/counter.js
var import_prom_client2 = __toESM(require_prom_client(), 1);
var PrometheusCounter = class {
  counter;
  constructor(name, opts) {
    name = normalizeString(name);
    const help = normalizeString(opts.help ?? name);
    const labels = opts.label != null ? [normalizeString(opts.label)] : [];
    let collect;
    if (opts?.calculate != null) {
      collect = async function() {
        this.inc(await opts.calculate());
      };
    }
    this.counter = new import_prom_client2.Counter({
      name,
      help,
      labelNames: labels,
      registers: opts.registry !== void 0 ? [opts.registry] : void 0,
      collect
    });
  }
  increment(value = 1) {
    this.counter.inc(value);
  }
  reset() {
    this.counter.reset();
  }
};

// ../../node_modules/.pnpm/@libp2p+prometheus-metrics@5.0.24/node_modules/@libp2p/prometheus-metrics/dist/src/histogram-group.js
var import_prom_client3 = __toESM(require_prom_client(), 1);
var PrometheusHistogramGroup = class {
  histogram;
  label;
  constructor(name, opts) {
    name = normalizeString(name);
    const help = normalizeString(opts.help ?? name);
    const label = this.label = normalizeString(opts.label ?? name);
    let collect;
    if (opts?.calculate != null) {
      collect = async function() {
        const values = await opts.calculate();
        Object.entries(values).forEach(([key, value]) => {
          this.observe({ [label]: key }, value);
        });
      };
    }
    this.histogram = new import_prom_client3.Histogram({
      name,
      help,
      buckets: opts.buckets ?? [5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      labelNames: [this.label],
      registers: opts.registry !== void 0 ? [opts.registry] : void 0,
      collect
    });
  }
  observe(values) {
    Object.entries(values).forEach(([key, value]) => {
      this.histogram.observe({ [this.label]: key }, value);
    });
  }
  reset() {
    this.histogram.reset();
  }
  timer(key) {
    return this.histogram.startTimer({
      [key]: 0
    });
  }
};

// ../../node_modules/.pnpm/@libp2p+prometheus-metrics@5.0.24/node_modules/@libp2p/prometheus-metrics/dist/src/histogram.js
var import_prom_client4 = __toESM(require_prom_client(), 1);
var PrometheusHistogram = class {
  histogram;
  constructor(name, opts) {
    name = normalizeString(name);
    const help = normalizeString(opts.help ?? name);
    const labels = opts.label != null ? [normalizeString(opts.label)] : [];
    let collect;
    if (opts?.calculate != null) {
      collect = async function() {
        this.observe(await opts.calculate());
      };
    }
    this.histogram = new import_prom_client4.Histogram({
      name,
      help,
      buckets: opts.buckets ?? [5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      labelNames: labels,
      registers: opts.registry !== void 0 ? [opts.registry] : void 0,
      collect
    });
  }
  observe(value) {
    this.histogram.observe(value);
  }
  reset() {
    this.histogram.reset();
  }
  timer() {
    return this.histogram.startTimer();
  }
};

// ../../node_modules/.pnpm/@libp2p+prometheus-metrics@5.0.24/node_modules/@libp2p/prometheus-metrics/dist/src/metric-group.js
var import_prom_client5 = __toESM(require_prom_client(), 1);
var PrometheusMetricGroup = class {
  gauge;
  label;
  constructor(name, opts) {
    name = normalizeString(name);
    const help = normalizeString(opts.help ?? name);
    const label = this.label = normalizeString(opts.label ?? name);
    let collect;
    if (opts?.calculate != null) {
      collect = async function() {
        const values = await opts.calculate();
        Object.entries(values).forEach(([key, value]) => {
          this.set({ [label]: key }, value);
        });
      };
    }
    this.gauge = new import_prom_client5.Gauge({
      name,
      help,
      labelNames: [this.label],
      registers: opts.registry !== void 0 ? [opts.registry] : void 0,
      collect
    });
  }
  update(values) {
    Object.entries(values).forEach(([key, value]) => {
      this.gauge.set({ [this.label]: key }, value);
    });
  }
  increment(values) {
    Object.entries(values).forEach(([key, value]) => {
      const inc = typeof value === "number" ? value : 1;
      this.gauge.inc({ [this.label]: key }, inc);
    });
  }
  decrement(values) {
    Object.entries(values).forEach(([key, value]) => {
      const dec = typeof value === "number" ? value : 1;
      this.gauge.dec({ [this.label]: key }, dec);
    });
  }
  reset() {
    this.gauge.reset();
  }
  timer(key) {
    return this.gauge.startTimer({
      [this.label]: key
    });
  }
};

// ../../node_modules/.pnpm/@libp2p+prometheus-metrics@5.0.24/node_modules/@libp2p/prometheus-metrics/dist/src/metric.js
var import_prom_client6 = __toESM(require_prom_client(), 1);
var PrometheusMetric = class {
  gauge;
  constructor(name, opts) {
    name = normalizeString(name);
    const help = normalizeString(opts.help ?? name);
    const labels = opts.label != null ? [normalizeString(opts.label)] : [];
    let collect;
    if (opts?.calculate != null) {
      collect = async function() {
        this.set(await opts.calculate());
      };
    }
    this.gauge = new import_prom_client6.Gauge({
      name,
      help,
      labelNames: labels,
      registers: opts.registry !== void 0 ? [opts.registry] : void 0,
      collect
    });
  }
  update(value) {
    this.gauge.set(value);
  }
  increment(value = 1) {
    this.gauge.inc(value);
  }
  decrement(value = 1) {
    this.gauge.dec(value);
  }
  reset() {
    this.gauge.reset();
  }
  timer() {
    return this.gauge.startTimer();
  }
};

// ../../node_modules/.pnpm/@libp2p+prometheus-metrics@5.0.24/node_modules/@libp2p/prometheus-metrics/dist/src/summary-group.js
var import_prom_client7 = __toESM(require_prom_client(), 1);
var PrometheusSummaryGroup = class {
  summary;
  label;
  constructor(name, opts) {
    name = normalizeString(name);
    const help = normalizeString(opts.help ?? name);
    const label = this.label = normalizeString(opts.label ?? name);
    let collect;
    if (opts?.calculate != null) {
      collect = async function() {
        const values = await opts.calculate();
        Object.entries(values).forEach(([key, value]) => {
          this.observe({ [label]: key }, value);
        });
      };
    }
    this.summary = new import_prom_client7.Summary({
      name,
      help,
      percentiles: opts.percentiles ?? [0.01, 0.05, 0.5, 0.9, 0.95, 0.99, 0.999],
      maxAgeSeconds: opts.maxAgeSeconds,
      ageBuckets: opts.ageBuckets,
      pruneAgedBuckets: opts.pruneAgedBuckets,
      compressCount: opts.compressCount ?? 1e3,
      labelNames: [this.label],
      registers: opts.registry !== void 0 ? [opts.registry] : void 0,
      collect
    });
  }
  observe(values) {
    Object.entries(values).forEach(([key, value]) => {
      this.summary.observe({ [this.label]: key }, value);
    });
  }
  reset() {
    this.summary.reset();
  }
  timer(key) {
    return this.summary.startTimer({
      [key]: 0
    });
  }
};

// ../../node_modules/.pnpm/@libp2p+prometheus-metrics@5.0.24/node_modules/@libp2p/prometheus-metrics/dist/src/summary.js
var import_prom_client8 = __toESM(require_prom_client(), 1);
var PrometheusSummary = class {
  summary;
  constructor(name, opts) {
    name = normalizeString(name);
    const help = normalizeString(opts.help ?? name);
    const labels = opts.label != null ? [normalizeString(opts.label)] : [];
    let collect;
    if (opts?.calculate != null) {
      collect = async function() {
        this.observe(await opts.calculate());
      };
    }
    this.summary = new import_prom_client8.Summary({
      name,
      help,
      percentiles: opts.percentiles ?? [0.01, 0.05, 0.5, 0.9, 0.95, 0.99, 0.999],
      maxAgeSeconds: opts.maxAgeSeconds,
      ageBuckets: opts.ageBuckets,
      pruneAgedBuckets: opts.pruneAgedBuckets,
      compressCount: opts.compressCount ?? 1e3,
      labelNames: labels,
      registers: opts.registry !== void 0 ? [opts.registry] : void 0,
      collect
    });
  }
  observe(value) {
    this.summary.observe(value);
  }
  reset() {
    this.summary.reset();
  }
  timer() {
    return this.summary.startTimer();
  }
};

// ../../node_modules/.pnpm/@libp2p+prometheus-metrics@5.0.24/node_modules/@libp2p/prometheus-metrics/dist/src/index.js
var import_prom_client10 = __toESM(require_prom_client(), 1);
var metrics = /* @__PURE__ */ new Map();
var PrometheusMetrics = class {
  log;
  transferStats;
  registry;
  constructor(components, init) {
    this.log = components.logger.forComponent("libp2p:prometheus-metrics");
    this.registry = init?.registry;
    if (init?.preserveExistingMetrics !== true) {
      this.log("Clearing existing metrics");
      metrics.clear();
      import_prom_client9.register?.clear();
    }
    if (init?.collectDefaultMetrics !== false) {
      this.log("Collecting default metrics");
      (0, import_prom_client9.collectDefaultMetrics)({ ...init?.defaultMetrics, register: this.registry ?? init?.defaultMetrics?.register });
    }
    this.transferStats = /* @__PURE__ */ new Map();
    this.log("Collecting data transfer metrics");
    this.registerCounterGroup("libp2p_data_transfer_bytes_total", {
      label: "protocol",
      calculate: () => {
        const output = {};
        for (const [key, value] of this.transferStats.entries()) {
          output[key] = value;
        }
        this.transferStats.clear();
        return output;
      }
    });
    this.log("Collecting memory metrics");
    this.registerMetricGroup("nodejs_memory_usage_bytes", {
      label: "memory",
      calculate: () => {
        return {
          ...process.memoryUsage()
        };
      }
    });
    const totalMemoryMetric = this.registerMetric("nodejs_memory_total_bytes");
    totalMemoryMetric.update(totalmem());
    this.log("Collecting filesystem metrics");
    this.registerMetricGroup("nodejs_fs_usage_bytes", {
      label: "filesystem",
      calculate: async () => {
        const stats = await statfs(init?.statfsLocation ?? process.cwd());
        const total = stats.bsize * stats.blocks;
        const available = stats.bsize * stats.bavail;
        return {
          total,
          free: stats.bsize * stats.bfree,
          available,
          used: available / total * 100
        };
      }
    });
  }
  [Symbol.toStringTag] = "@libp2p/metrics-prometheus";
  [serviceCapabilities] = [
    "@libp2p/metrics"
  ];
  start() {
  }
  stop() {
    this.transferStats.clear();
  }
  /**
   * Increment the transfer stat for the passed key, making sure
   * it exists first
   */
  _incrementValue(key, value) {
    const existing = this.transferStats.get(key) ?? 0;
    this.transferStats.set(key, existing + value);
  }
  /**
   * Override the sink/source of the stream to count the bytes
   * in and out
   */
  _track(stream, name) {
    const dispatchEvent = stream.dispatchEvent.bind(stream);
    stream.dispatchEvent = (evt) => {
      if (evt.type === "message") {
        this._incrementValue(`${name} received`, evt.data.byteLength);
      }
      return dispatchEvent(evt);
    };
    const send = stream.send.bind(stream);
    stream.send = (buf) => {
      this._incrementValue(`${name} sent`, buf.byteLength);
      return send(buf);
    };
  }
  trackMultiaddrConnection(maConn) {
    this._track(maConn, "global");
  }
  trackProtocolStream(stream) {
    if (stream.protocol == null) {
      return;
    }
    this._track(stream, stream.protocol);
  }
  registerMetric(name, opts = {}) {
    if (name == null || name.trim() === "") {
      throw new Error("Metric name is required");
    }
    let metric = metrics.get(name);
    if (metric != null) {
      this.log("reuse existing metric", name);
      return metric;
    }
    this.log("register metric", name);
    metric = new PrometheusMetric(name, { registry: this.registry, ...opts });
    metrics.set(name, metric);
    if (opts.calculate == null) {
      return metric;
    }
  }
  registerMetricGroup(name, opts = {}) {
    if (name == null || name.trim() === "") {
      throw new Error("Metric group name is required");
    }
    let metricGroup = metrics.get(name);
    if (metricGroup != null) {
      this.log("reuse existing metric", name);
      return metricGroup;
    }
    this.log("register metric group", name);
    metricGroup = new PrometheusMetricGroup(name, { registry: this.registry, ...opts });
    metrics.set(name, metricGroup);
    if (opts.calculate == null) {
      return metricGroup;
    }
  }
  registerCounter(name, opts = {}) {
    if (name == null || name.trim() === "") {
      throw new Error("Counter name is required");
    }
    let counter = metrics.get(name);
    if (counter != null) {
      this.log("reuse existing counter", name);
      return counter;
    }
    this.log("register counter", name);
    counter = new PrometheusCounter(name, { registry: this.registry, ...opts });
    metrics.set(name, counter);
    if (opts.calculate == null) {
      return counter;
    }
  }
  registerCounterGroup(name, opts = {}) {
    if (name == null || name.trim() === "") {
      throw new Error("Counter group name is required");
    }
    let counterGroup = metrics.get(name);
    if (counterGroup != null) {
      this.log("reuse existing counter group", name);
      return counterGroup;
    }
    this.log("register counter group", name);
    counterGroup = new PrometheusCounterGroup(name, { registry: this.registry, ...opts });
    metrics.set(name, counterGroup);
    if (opts.calculate == null) {
      return counterGroup;
    }
  }
  registerHistogram(name, opts = {}) {
    if (name == null || name.trim() === "") {
      throw new Error("Histogram name is required");
    }
    let metric = metrics.get(name);
    if (metric != null) {
      this.log("reuse existing histogram", name);
      return metric;
    }
    this.log("register histogram", name);
    metric = new PrometheusHistogram(name, { registry: this.registry, ...opts });
    metrics.set(name, metric);
    if (opts.calculate == null) {
      return metric;
    }
  }
  registerHistogramGroup(name, opts = {}) {
    if (name == null || name.trim() === "") {
      throw new Error("Histogram group name is required");
    }
    let metricGroup = metrics.get(name);
    if (metricGroup != null) {
      this.log("reuse existing histogram group", name);
      return metricGroup;
    }
    this.log("register histogram group", name);
    metricGroup = new PrometheusHistogramGroup(name, { registry: this.registry, ...opts });
    metrics.set(name, metricGroup);
    if (opts.calculate == null) {
      return metricGroup;
    }
  }
  registerSummary(name, opts = {}) {
    if (name == null || name.trim() === "") {
      throw new Error("Summary name is required");
    }
    let metric = metrics.get(name);
    if (metric != null) {
      this.log("reuse existing summary", name);
      return metric;
    }
    this.log("register summary", name);
    metric = new PrometheusSummary(name, { registry: this.registry, ...opts });
    metrics.set(name, metric);
    if (opts.calculate == null) {
      return metric;
    }
  }
  registerSummaryGroup(name, opts = {}) {
    if (name == null || name.trim() === "") {
      throw new Error("Summary group name is required");
    }
    let metricGroup = metrics.get(name);
    if (metricGroup != null) {
      this.log("reuse existing summary group", name);
      return metricGroup;
    }
    this.log("register summary group", name);
    metricGroup = new PrometheusSummaryGroup(name, { registry: this.registry, ...opts });
    metrics.set(name, metricGroup);
    if (opts.calculate == null) {
      return metricGroup;
    }
  }
  createTrace() {
  }
  traceFunction(name, fn) {
    return fn;
  }
};
function prometheusMetrics(init) {
  return (components) => {
    return new PrometheusMetrics(components, init);
  };
}

// ../node/dist/src/metrics.js
var import_prom_client11 = __toESM(require_prom_client(), 1);
var TRANSFER_METRIC = "libp2p_data_transfer_bytes_total";
function setAll(metric, label, reading) {
  metric.reset();
  if (typeof reading === "number") {
    metric.inc(reading);
    return;
  }
  for (const [key, value] of Object.entries(reading))
    metric.inc({ [label ?? "key"]: key }, value);
}
function createNodeMetrics(init = {}) {
  const registry = new import_prom_client11.Registry();
  (0, import_prom_client11.collectDefaultMetrics)({ register: registry });
  let samples = [];
  const family = (Kind, options) => {
    const { label, read } = options;
    new Kind({
      name: options.name,
      help: options.help,
      labelNames: label == null ? [] : [label],
      registers: [registry],
      async collect() {
        setAll(this, label, await read());
      }
    });
  };
  return {
    registry,
    libp2p: prometheusMetrics({
      registry,
      // registered above, once per node whether it is online or not
      collectDefaultMetrics: false,
      statfsLocation: init.statfsPath
    }),
    async bandwidth() {
      const values = (await registry.getSingleMetric(TRANSFER_METRIC)?.get())?.values ?? [];
      const total = (key) => BigInt(values.find((v) => v.labels.protocol === key)?.value ?? 0);
      const totalIn = total("global received");
      const totalOut = total("global sent");
      const now = Date.now();
      samples = samples.filter((s) => now - s.at <= BANDWIDTH_RATE_WINDOW_MS);
      samples.push({ at: now, in: totalIn, out: totalOut });
      const first = samples[0];
      const seconds = (now - first.at) / 1e3;
      return {
        totalIn,
        totalOut,
        rateIn: seconds > 0 ? Number(totalIn - first.in) / seconds : 0,
        rateOut: seconds > 0 ? Number(totalOut - first.out) / seconds : 0
      };
    },
    counter: (options) => {
      family(import_prom_client11.Counter, options);
    },
    gauge: (options) => {
      family(import_prom_client11.Gauge, options);
    },
    scrape: async () => registry.metrics(),
    contentType: registry.contentType
  };
}
var export_Registry = import_prom_client11.Registry;
export {
  export_Registry as Registry,
  createNodeMetrics
};
