-- =================================================================================================
-- Deliberate reliance metrics as SQL views (docs/research.md §3), equal to the streaming engine of
-- @deliberate/analytics: rates and counts exactly, ECE/MCE/Brier to floating-point rounding.
--
-- Input, one of:
--   (a) a table or view `events(raw)` with one JSON event per row        → sections "common", "raw"
--       (DuckDB; on PostgreSQL `events(raw jsonb)` → "common", "raw-postgres")
--   (b) a table or view `events` with the event's fields as columns, the  → sections "common", "columns"
--       nested ones (actor, model, data) as STRUCT/ROW — what DuckDB's read_ndjson, Spark's JSON
--       reader, Trino's JSON tables, BigQuery's NEWLINE_DELIMITED_JSON load and the Parquet files
--       of `deliberate export --parquet` produce
-- Then the section "metrics". Each `-- @section <name>` comment starts a section. The tests run
-- "common" + "raw"/"columns" + "metrics" on DuckDB and "common" + "raw-postgres" + "metrics" on
-- PostgreSQL; README.md shows the loading step for DuckDB, Trino, Spark SQL, BigQuery and
-- PostgreSQL. Engine-specific are only: the JSON path function of "raw" (`json_extract_string`;
-- Trino `json_extract_scalar`, BigQuery `JSON_VALUE`, Spark `get_json_object`; PostgreSQL has its
-- own section), and the type name DOUBLE PRECISION (BigQuery FLOAT64). The "common" and "metrics"
-- sections use only what DuckDB and PostgreSQL both accept.
--
-- Parameters live in the one-row table `deliberate_params` (bins: number of calibration bins;
-- binning: 'width' or 'mass'; z: the normal quantile of the Wilson interval).
--
-- Definitions (the same as src/compute.ts):
--   a decision is its latest `decision.finalized` event (by ts, ties: greater event id), joined
--   with the latest decision.opened, judgement.committed, recommendation.revealed and
--   outcome.recorded of that decision; the copies of recommendation and judgement on
--   decision.finalized stand in where the separate event is missing. Exact duplicate event ids
--   count once; a decision touched by an id with conflicting copies is left out entirely.
--   shown = outcome <> 'without-ai' AND arm <> 'no-ai' (no decision.opened: arm 'ai').
--   Label metrics use labels only; agreement/override also compare numeric decisions by value.
-- =================================================================================================

-- @section common
CREATE TABLE IF NOT EXISTS deliberate_params AS
SELECT 10 AS bins, 'width' AS binning, CAST(1.959964 AS DOUBLE PRECISION) AS z;

-- @section raw
CREATE OR REPLACE VIEW deliberate_flat AS
SELECT
  json_extract_string(raw, '$.id') AS id,
  json_extract_string(raw, '$.type') AS type,
  json_extract_string(raw, '$.ts') AS ts,
  json_extract_string(raw, '$.decisionId') AS decision_id,
  json_extract_string(raw, '$.procedure') AS procedure,
  json_extract_string(raw, '$.actor.id') AS actor_id,
  json_extract_string(raw, '$.actor.role') AS actor_role,
  json_extract_string(raw, '$.model.id') AS model_id,
  json_extract_string(raw, '$.model.version') AS model_version,
  json_extract_string(raw, '$.data.policy.arm') AS arm,
  json_extract_string(raw, '$.data.uiVariant') AS ui_variant,
  json_extract_string(raw, '$.data.outcome') AS outcome,
  CAST(json_extract_string(raw, '$.data.durationMs') AS DOUBLE PRECISION) AS duration_ms,
  json_extract_string(raw, '$.data.final.label') AS final_label,
  CAST(json_extract_string(raw, '$.data.final.value') AS DOUBLE PRECISION) AS final_value,
  json_extract_string(raw, '$.data.recommendation.label') AS rec_label,
  CAST(json_extract_string(raw, '$.data.recommendation.value') AS DOUBLE PRECISION) AS rec_value,
  CAST(json_extract_string(raw, '$.data.recommendation.confidence') AS DOUBLE PRECISION) AS rec_confidence,
  json_extract_string(raw, '$.data.judgement.label') AS judgement_label,
  CAST(json_extract_string(raw, '$.data.judgement.value') AS DOUBLE PRECISION) AS judgement_value,
  json_extract_string(raw, '$.data.truth.label') AS truth_label,
  CAST(json_extract_string(raw, '$.data.truth.value') AS DOUBLE PRECISION) AS truth_value,
  CAST(raw AS VARCHAR) AS content
FROM events
WHERE json_extract_string(raw, '$.schema') = 'deliberate.event/1';

-- @section raw-postgres
-- PostgreSQL: `events(raw jsonb)`, one event per row (README.md shows the loading step; lines that
-- are not JSON load as NULL and are skipped here like any non-event). Text columns that are
-- ordered (ts, id) use the "C" collation, the code-point order of the streaming engine, whatever
-- the database's locale. `content` is jsonb's own text: copies that differ only in whitespace or
-- key order count as the same here, while the streaming engine compares the exact line text.
CREATE OR REPLACE VIEW deliberate_flat AS
SELECT
  (raw #>> '{id}') COLLATE "C" AS id,
  raw #>> '{type}' AS type,
  (raw #>> '{ts}') COLLATE "C" AS ts,
  raw #>> '{decisionId}' AS decision_id,
  raw #>> '{procedure}' AS procedure,
  raw #>> '{actor,id}' AS actor_id,
  raw #>> '{actor,role}' AS actor_role,
  raw #>> '{model,id}' AS model_id,
  raw #>> '{model,version}' AS model_version,
  raw #>> '{data,policy,arm}' AS arm,
  raw #>> '{data,uiVariant}' AS ui_variant,
  raw #>> '{data,outcome}' AS outcome,
  CAST(raw #>> '{data,durationMs}' AS DOUBLE PRECISION) AS duration_ms,
  raw #>> '{data,final,label}' AS final_label,
  CAST(raw #>> '{data,final,value}' AS DOUBLE PRECISION) AS final_value,
  raw #>> '{data,recommendation,label}' AS rec_label,
  CAST(raw #>> '{data,recommendation,value}' AS DOUBLE PRECISION) AS rec_value,
  CAST(raw #>> '{data,recommendation,confidence}' AS DOUBLE PRECISION) AS rec_confidence,
  raw #>> '{data,judgement,label}' AS judgement_label,
  CAST(raw #>> '{data,judgement,value}' AS DOUBLE PRECISION) AS judgement_value,
  raw #>> '{data,truth,label}' AS truth_label,
  CAST(raw #>> '{data,truth,value}' AS DOUBLE PRECISION) AS truth_value,
  CAST(raw AS TEXT) AS content
FROM events
WHERE raw #>> '{schema}' = 'deliberate.event/1';

-- @section columns
CREATE OR REPLACE VIEW deliberate_flat AS
SELECT
  id,
  type,
  ts,
  decisionId AS decision_id,
  procedure,
  actor.id AS actor_id,
  actor.role AS actor_role,
  model.id AS model_id,
  model.version AS model_version,
  data.policy.arm AS arm,
  data.uiVariant AS ui_variant,
  data.outcome AS outcome,
  CAST(data.durationMs AS DOUBLE PRECISION) AS duration_ms,
  data.final.label AS final_label,
  CAST(data.final.value AS DOUBLE PRECISION) AS final_value,
  data.recommendation.label AS rec_label,
  CAST(data.recommendation.value AS DOUBLE PRECISION) AS rec_value,
  CAST(data.recommendation.confidence AS DOUBLE PRECISION) AS rec_confidence,
  data.judgement.label AS judgement_label,
  CAST(data.judgement.value AS DOUBLE PRECISION) AS judgement_value,
  data.truth.label AS truth_label,
  CAST(data.truth.value AS DOUBLE PRECISION) AS truth_value,
  -- Without the raw text, two copies are compared by their hash and every column read here.
  concat_ws(
    '|', hash, type, ts, decisionId, procedure, actor.id, actor.role, model.id, model.version,
    data.policy.arm, data.uiVariant, data.outcome, CAST(data.durationMs AS VARCHAR), data.final.label,
    CAST(data.final.value AS VARCHAR), data.recommendation.label, CAST(data.recommendation.value AS VARCHAR),
    CAST(data.recommendation.confidence AS VARCHAR), data.judgement.label, CAST(data.judgement.value AS VARCHAR),
    data.truth.label, CAST(data.truth.value AS VARCHAR)
  ) AS content
FROM events
WHERE schema = 'deliberate.event/1';

-- @section metrics
-- Decisions with a conflicting copy: an event id that occurs with different content. Neither copy
-- can be trusted, whichever comes first, so every decision either copy names leaves every metric
-- (as in the streaming engine, which also reports them and exits non-zero).
-- One pass over the events: an id whose copies differ has two different content digests.
CREATE OR REPLACE VIEW deliberate_conflicted AS
SELECT DISTINCT d.decision_id
FROM (
  SELECT
    f.decision_id,
    MIN(md5(f.content)) OVER (PARTITION BY f.id) AS lo,
    MAX(md5(f.content)) OVER (PARTITION BY f.id) AS hi
  FROM deliberate_flat f
) d
WHERE d.lo <> d.hi;

-- Each event id once; for the five event kinds that shape a decision, the latest per decision.
CREATE OR REPLACE VIEW deliberate_latest AS
SELECT *
FROM (
  SELECT
    u.*,
    ROW_NUMBER() OVER (PARTITION BY u.decision_id, u.type ORDER BY u.ts DESC, u.id DESC) AS pick
  FROM (
    SELECT f.*, ROW_NUMBER() OVER (PARTITION BY f.id ORDER BY f.ts) AS copy
    FROM deliberate_flat f
    WHERE f.type IN (
      'decision.opened', 'judgement.committed', 'recommendation.revealed', 'decision.finalized', 'outcome.recorded'
    )
  ) u
  WHERE u.copy = 1
) ranked
WHERE pick = 1;

-- One row per finalized decision: h (final), a (recommendation), c (confidence), h0 (judgement),
-- y (truth), as a label or, for numeric decisions, a value. Every metric below reads it; when
-- querying several of them, materialise it once (CREATE TABLE deliberate_decisions AS …, as the
-- DuckDB and PostgreSQL runners in src/testing/ do). The five kinds of a decision are pivoted in
-- one GROUP BY (each occurs at most once per decision in deliberate_latest, so MAX picks it)
-- rather than joined five times: planners that misjudge the size of a view (PostgreSQL over
-- jsonb expressions) would otherwise choose nested loops, quadratic in the decisions.
CREATE OR REPLACE VIEW deliberate_decisions AS
SELECT
  p.decision_id,
  p.fin_ts AS finalized_ts,
  SUBSTRING(p.fin_ts, 1, 7) AS month,
  p.fin_procedure AS procedure,
  p.fin_actor_role AS actor_role,
  COALESCE(p.fin_model, p.rev_model) AS model,
  COALESCE(p.op_arm, 'ai') AS arm,
  p.op_ui_variant AS ui_variant,
  p.fin_outcome AS outcome,
  p.fin_duration_ms AS duration_ms,
  p.fin_final_label AS h_label,
  CASE WHEN p.fin_final_label IS NULL THEN p.fin_final_value END AS h_value,
  CASE WHEN p.has_rev = 1 THEN p.rev_rec_label ELSE p.fin_rec_label END AS a_label,
  CASE
    WHEN p.has_rev = 1 THEN CASE WHEN p.rev_rec_label IS NULL THEN p.rev_rec_value END
    ELSE CASE WHEN p.fin_rec_label IS NULL THEN p.fin_rec_value END
  END AS a_value,
  CASE WHEN p.has_rev = 1 THEN p.rev_rec_confidence ELSE p.fin_rec_confidence END AS c,
  CASE WHEN p.has_jc = 1 THEN p.jc_judgement_label ELSE p.fin_judgement_label END AS h0_label,
  CASE
    WHEN p.has_jc = 1 THEN CASE WHEN p.jc_judgement_label IS NULL THEN p.jc_judgement_value END
    ELSE CASE WHEN p.fin_judgement_label IS NULL THEN p.fin_judgement_value END
  END AS h0_value,
  p.tr_truth_label AS y_label,
  CASE WHEN p.tr_truth_label IS NULL THEN p.tr_truth_value END AS y_value
FROM (
  SELECT
    l.decision_id,
    MAX(CASE WHEN l.type = 'decision.finalized' THEN 1 ELSE 0 END) AS has_fin,
    MAX(CASE WHEN l.type = 'recommendation.revealed' THEN 1 ELSE 0 END) AS has_rev,
    MAX(CASE WHEN l.type = 'judgement.committed' THEN 1 ELSE 0 END) AS has_jc,
    MAX(CASE WHEN l.type = 'decision.finalized' THEN l.ts END) AS fin_ts,
    MAX(CASE WHEN l.type = 'decision.finalized' THEN l.procedure END) AS fin_procedure,
    MAX(CASE WHEN l.type = 'decision.finalized' THEN l.actor_role END) AS fin_actor_role,
    MAX(CASE WHEN l.type = 'decision.finalized' THEN l.model_id || '@' || l.model_version END) AS fin_model,
    MAX(CASE WHEN l.type = 'recommendation.revealed' THEN l.model_id || '@' || l.model_version END) AS rev_model,
    MAX(CASE WHEN l.type = 'decision.opened' THEN l.arm END) AS op_arm,
    MAX(CASE WHEN l.type = 'decision.opened' THEN l.ui_variant END) AS op_ui_variant,
    MAX(CASE WHEN l.type = 'decision.finalized' THEN l.outcome END) AS fin_outcome,
    MAX(CASE WHEN l.type = 'decision.finalized' THEN l.duration_ms END) AS fin_duration_ms,
    MAX(CASE WHEN l.type = 'decision.finalized' THEN l.final_label END) AS fin_final_label,
    MAX(CASE WHEN l.type = 'decision.finalized' THEN l.final_value END) AS fin_final_value,
    MAX(CASE WHEN l.type = 'decision.finalized' THEN l.rec_label END) AS fin_rec_label,
    MAX(CASE WHEN l.type = 'decision.finalized' THEN l.rec_value END) AS fin_rec_value,
    MAX(CASE WHEN l.type = 'decision.finalized' THEN l.rec_confidence END) AS fin_rec_confidence,
    MAX(CASE WHEN l.type = 'decision.finalized' THEN l.judgement_label END) AS fin_judgement_label,
    MAX(CASE WHEN l.type = 'decision.finalized' THEN l.judgement_value END) AS fin_judgement_value,
    MAX(CASE WHEN l.type = 'recommendation.revealed' THEN l.rec_label END) AS rev_rec_label,
    MAX(CASE WHEN l.type = 'recommendation.revealed' THEN l.rec_value END) AS rev_rec_value,
    MAX(CASE WHEN l.type = 'recommendation.revealed' THEN l.rec_confidence END) AS rev_rec_confidence,
    MAX(CASE WHEN l.type = 'judgement.committed' THEN l.judgement_label END) AS jc_judgement_label,
    MAX(CASE WHEN l.type = 'judgement.committed' THEN l.judgement_value END) AS jc_judgement_value,
    MAX(CASE WHEN l.type = 'outcome.recorded' THEN l.truth_label END) AS tr_truth_label,
    MAX(CASE WHEN l.type = 'outcome.recorded' THEN l.truth_value END) AS tr_truth_value
  FROM deliberate_latest l
  GROUP BY l.decision_id
) p
-- A decision with a conflicting copy of any of its events leaves every metric.
LEFT JOIN deliberate_conflicted x ON x.decision_id = p.decision_id
WHERE p.has_fin = 1 AND x.decision_id IS NULL;

-- The indicator of every metric per decision: n_* = in the population, k_* = counted.
CREATE OR REPLACE VIEW deliberate_indicators AS
SELECT
  d.*,
  CASE WHEN shown AND comparable THEN 1 ELSE 0 END AS n_agreement,
  CASE WHEN shown AND comparable AND agrees THEN 1 ELSE 0 END AS k_agreement,
  CASE WHEN shown AND comparable AND NOT agrees THEN 1 ELSE 0 END AS k_override,
  CASE WHEN shown AND labels_ha AND h0_label IS NOT NULL AND h0_label <> a_label THEN 1 ELSE 0 END AS n_switch,
  CASE WHEN shown AND labels_ha AND h0_label IS NOT NULL AND h0_label <> a_label AND h_label = a_label THEN 1 ELSE 0 END AS k_switch,
  CASE WHEN shown AND labels_ha AND y_label IS NOT NULL AND a_label <> y_label THEN 1 ELSE 0 END AS n_over,
  CASE WHEN shown AND labels_ha AND y_label IS NOT NULL AND a_label <> y_label AND h_label = a_label THEN 1 ELSE 0 END AS k_over,
  CASE WHEN shown AND labels_ha AND y_label IS NOT NULL AND a_label = y_label THEN 1 ELSE 0 END AS n_under,
  CASE WHEN shown AND labels_ha AND y_label IS NOT NULL AND a_label = y_label AND h_label <> a_label THEN 1 ELSE 0 END AS k_under,
  CASE WHEN shown AND labels_ha AND y_label IS NOT NULL AND h0_label IS NOT NULL AND h0_label <> y_label AND a_label = y_label THEN 1 ELSE 0 END AS n_rair,
  CASE WHEN shown AND labels_ha AND y_label IS NOT NULL AND h0_label IS NOT NULL AND h0_label <> y_label AND a_label = y_label AND h_label = a_label THEN 1 ELSE 0 END AS k_rair,
  CASE WHEN shown AND labels_ha AND y_label IS NOT NULL AND h0_label IS NOT NULL AND h0_label = y_label AND a_label <> y_label THEN 1 ELSE 0 END AS n_rsr,
  CASE WHEN shown AND labels_ha AND y_label IS NOT NULL AND h0_label IS NOT NULL AND h0_label = y_label AND a_label <> y_label AND h_label = h0_label THEN 1 ELSE 0 END AS k_rsr,
  CASE WHEN h0_label IS NOT NULL AND y_label IS NOT NULL THEN 1 ELSE 0 END AS n_human,
  CASE WHEN h0_label IS NOT NULL AND y_label IS NOT NULL AND h0_label = y_label THEN 1 ELSE 0 END AS k_human,
  CASE WHEN a_label IS NOT NULL AND y_label IS NOT NULL THEN 1 ELSE 0 END AS n_ai,
  CASE WHEN a_label IS NOT NULL AND y_label IS NOT NULL AND a_label = y_label THEN 1 ELSE 0 END AS k_ai,
  CASE WHEN shown AND h_label IS NOT NULL AND y_label IS NOT NULL THEN 1 ELSE 0 END AS n_team,
  CASE WHEN shown AND h_label IS NOT NULL AND y_label IS NOT NULL AND h_label = y_label THEN 1 ELSE 0 END AS k_team,
  CASE WHEN shown AND h_value IS NOT NULL AND a_value IS NOT NULL AND h0_value IS NOT NULL AND a_value <> h0_value
    THEN LEAST(1, GREATEST(0, (h_value - h0_value) / (a_value - h0_value))) END AS woa
FROM (
  SELECT
    x.*,
    (x.outcome <> 'without-ai' AND x.arm <> 'no-ai') AS shown,
    (x.h_label IS NOT NULL AND x.a_label IS NOT NULL) AS labels_ha,
    ((x.h_label IS NOT NULL AND x.a_label IS NOT NULL)
      OR (x.h_value IS NOT NULL AND x.a_value IS NOT NULL)) AS comparable,
    ((x.h_label IS NOT NULL AND x.a_label IS NOT NULL AND x.h_label = x.a_label)
      OR (x.h_value IS NOT NULL AND x.a_value IS NOT NULL AND x.h_value = x.a_value)) AS agrees
  FROM deliberate_decisions x
) d;

CREATE OR REPLACE VIEW deliberate_counts AS
SELECT
  COUNT(*) AS decisions,
  SUM(n_agreement) AS n_agreement, SUM(k_agreement) AS k_agreement, SUM(k_override) AS k_override,
  SUM(n_switch) AS n_switch, SUM(k_switch) AS k_switch,
  SUM(n_over) AS n_over, SUM(k_over) AS k_over,
  SUM(n_under) AS n_under, SUM(k_under) AS k_under,
  SUM(n_rair) AS n_rair, SUM(k_rair) AS k_rair,
  SUM(n_rsr) AS n_rsr, SUM(k_rsr) AS k_rsr,
  SUM(n_human) AS n_human, SUM(k_human) AS k_human,
  SUM(n_ai) AS n_ai, SUM(k_ai) AS k_ai,
  SUM(n_team) AS n_team, SUM(k_team) AS k_team,
  AVG(woa) AS woa_mean, COUNT(woa) AS woa_n
FROM deliberate_indicators;

-- Every rate with its Wilson 95 % interval; the operations in the same order as wilsonInterval
-- (packages/charts/src/shared/wilson.ts, which src/wilson.ts calls).
CREATE OR REPLACE VIEW deliberate_rates AS
SELECT
  metric, k, n,
  CAST(k AS DOUBLE PRECISION) / n AS rate,
  GREATEST(0, (CAST(k AS DOUBLE PRECISION) / n + z * z / (2 * n)) / (1 + z * z / n)
    - (z * SQRT((CAST(k AS DOUBLE PRECISION) / n) * (1 - CAST(k AS DOUBLE PRECISION) / n) / n + z * z / (4 * n * n))) / (1 + z * z / n)) AS lo,
  LEAST(1, (CAST(k AS DOUBLE PRECISION) / n + z * z / (2 * n)) / (1 + z * z / n)
    + (z * SQRT((CAST(k AS DOUBLE PRECISION) / n) * (1 - CAST(k AS DOUBLE PRECISION) / n) / n + z * z / (4 * n * n))) / (1 + z * z / n)) AS hi
FROM (
  SELECT
    m.metric,
    CASE m.metric
      WHEN 'agreement' THEN c.k_agreement WHEN 'override' THEN c.k_override WHEN 'switch' THEN c.k_switch
      WHEN 'overReliance' THEN c.k_over WHEN 'underReliance' THEN c.k_under WHEN 'rair' THEN c.k_rair
      WHEN 'rsr' THEN c.k_rsr WHEN 'accuracy.human' THEN c.k_human WHEN 'accuracy.ai' THEN c.k_ai
      ELSE c.k_team
    END AS k,
    CASE m.metric
      WHEN 'agreement' THEN c.n_agreement WHEN 'override' THEN c.n_agreement WHEN 'switch' THEN c.n_switch
      WHEN 'overReliance' THEN c.n_over WHEN 'underReliance' THEN c.n_under WHEN 'rair' THEN c.n_rair
      WHEN 'rsr' THEN c.n_rsr WHEN 'accuracy.human' THEN c.n_human WHEN 'accuracy.ai' THEN c.n_ai
      ELSE c.n_team
    END AS n
  FROM deliberate_counts c
  CROSS JOIN (
    SELECT 'agreement' AS metric UNION ALL SELECT 'override' UNION ALL SELECT 'switch'
    UNION ALL SELECT 'overReliance' UNION ALL SELECT 'underReliance' UNION ALL SELECT 'rair'
    UNION ALL SELECT 'rsr' UNION ALL SELECT 'accuracy.human' UNION ALL SELECT 'accuracy.ai'
    UNION ALL SELECT 'accuracy.team'
  ) m
) r
CROSS JOIN deliberate_params
WHERE n > 0;

-- Calibration cases: decisions with a label, a confidence and a truth (any arm, any outcome).
CREATE OR REPLACE VIEW deliberate_calibration_cases AS
SELECT c, CASE WHEN a_label = y_label THEN 1 ELSE 0 END AS correct
FROM deliberate_decisions
WHERE a_label IS NOT NULL AND y_label IS NOT NULL AND c IS NOT NULL;

-- Width: bin min(floor(c·M), M − 1). Mass: rank r (0-based, ordered by c then correct) in bin
-- floor(r·M/n).
CREATE OR REPLACE VIEW deliberate_calibration_bins AS
SELECT
  bin,
  CASE WHEN binning = 'width' THEN CAST(bin AS DOUBLE PRECISION) / bins ELSE MIN(c) END AS lo,
  CASE WHEN binning = 'width' THEN CAST(bin + 1 AS DOUBLE PRECISION) / bins ELSE MAX(c) END AS hi,
  COUNT(*) AS n,
  AVG(c) AS confidence,
  AVG(CAST(correct AS DOUBLE PRECISION)) AS accuracy
FROM (
  SELECT
    cc.c,
    cc.correct,
    p.bins,
    p.binning,
    CASE
      WHEN p.binning = 'width' THEN LEAST(CAST(FLOOR(cc.c * p.bins) AS INTEGER), p.bins - 1)
      ELSE CAST(FLOOR((ROW_NUMBER() OVER (ORDER BY cc.c, cc.correct) - 1) * p.bins
        / CAST(COUNT(*) OVER () AS DOUBLE PRECISION)) AS INTEGER)
    END AS bin
  FROM deliberate_calibration_cases cc
  CROSS JOIN deliberate_params p
) binned
GROUP BY bin, bins, binning;

CREATE OR REPLACE VIEW deliberate_calibration AS
SELECT
  SUM(CAST(b.n AS DOUBLE PRECISION) / t.n * ABS(b.accuracy - b.confidence)) AS ece,
  MAX(ABS(b.accuracy - b.confidence)) AS mce,
  MAX(t.brier) AS brier,
  MAX(t.n) AS n
FROM deliberate_calibration_bins b
CROSS JOIN (
  SELECT COUNT(*) AS n, AVG((c - correct) * (c - correct)) AS brier FROM deliberate_calibration_cases
) t;

-- Override rate per equal-width confidence bin, over the agreement population with a confidence.
CREATE OR REPLACE VIEW deliberate_confidence_bins AS
SELECT bin, SUM(k_override) AS k, COUNT(*) AS n
FROM (
  SELECT i.k_override, LEAST(CAST(FLOOR(i.c * p.bins) AS INTEGER), p.bins - 1) AS bin
  FROM deliberate_indicators i
  CROSS JOIN deliberate_params p
  WHERE i.n_agreement = 1 AND i.c IS NOT NULL
) x
GROUP BY bin;

-- Decision time: nearest-rank percentiles (rank ⌈p·n⌉) and the mean of durationMs.
CREATE OR REPLACE VIEW deliberate_decision_time AS
SELECT
  MAX(CASE WHEN rn = FLOOR((50 * n + 99) / 100.0) THEN duration_ms END) AS p50,
  MAX(CASE WHEN rn = FLOOR((90 * n + 99) / 100.0) THEN duration_ms END) AS p90,
  AVG(duration_ms) AS mean,
  MAX(n) AS n
FROM (
  SELECT
    duration_ms,
    ROW_NUMBER() OVER (ORDER BY duration_ms) AS rn,
    COUNT(*) OVER () AS n
  FROM deliberate_decisions
) ranked;

-- Everything the streaming engine's summary holds, in one row.
CREATE OR REPLACE VIEW deliberate_summary AS
SELECT
  cnt.decisions,
  CASE WHEN cnt.n_team > 0 AND cnt.n_human > 0 AND cnt.n_ai > 0 THEN
    CAST(cnt.k_team AS DOUBLE PRECISION) / cnt.n_team
      - GREATEST(CAST(cnt.k_human AS DOUBLE PRECISION) / cnt.n_human, CAST(cnt.k_ai AS DOUBLE PRECISION) / cnt.n_ai)
  END AS complementarity,
  cal.ece, cal.mce, cal.brier, cal.n AS calibration_n,
  dt.p50, dt.p90, dt.mean AS mean_ms,
  cnt.woa_mean, cnt.woa_n
FROM deliberate_counts cnt
CROSS JOIN deliberate_calibration cal
CROSS JOIN deliberate_decision_time dt;
