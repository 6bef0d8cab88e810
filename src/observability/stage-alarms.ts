import { Duration, Token, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { StageAlarmOptions, StageAlarmsOptions } from './alarm-options';
import { ApiProtocol, StageMetrics } from './stage-metrics';
import { checkIntegerInRange, checkNumberInRange } from '../core/checks';
import { propError } from '../core/errors';

/** What a stage tells its alarms. */
export interface StageAlarmsProps {
  /** How the alarms are named in errors, e.g. `stages[0].alarms`. */
  readonly prop: string;
  /** The stage's name, for the alarm descriptions. */
  readonly stageName: string;
  readonly metrics: StageMetrics;
  readonly options?: StageAlarmsOptions;
  /** The API's alarm actions, used unless the stage names its own (asked for only when an alarm needs them). */
  readonly apiActions: () => cloudwatch.IAlarmAction[];
  /** Whether the stage has a cache (REST). */
  readonly cached: boolean;
}

type AlarmKey = 'serverErrorRate' | 'clientErrorRate' | 'latencyP99' | 'integrationLatencyP99' | 'cacheHitRate';

/** One alarm the library knows how to build. */
interface AlarmDefinition {
  readonly key: AlarmKey;
  readonly id: string;
  readonly what: string;
  readonly threshold: number;
  readonly unit: '%' | 'ms';
  /** The alarm fires below the threshold rather than above it. */
  readonly below?: boolean;
  readonly metric: (m: StageMetrics, period: Duration) => cloudwatch.IMetric;
  /** Whether the stage publishes the metric; options for one it does not are refused. */
  readonly appliesTo: (props: StageAlarmsProps) => boolean;
  readonly notApplicable: string;
}

const ALWAYS = () => true;

const DEFINITIONS: AlarmDefinition[] = [
  {
    key: 'serverErrorRate',
    id: 'ServerErrorRate',
    what: '5XX rate',
    threshold: 1,
    unit: '%',
    metric: (m, period) => m.metricServerErrorRate({ period }),
    appliesTo: ALWAYS,
    notApplicable: '',
  },
  {
    key: 'clientErrorRate',
    id: 'ClientErrorRate',
    what: '4XX rate',
    threshold: 10,
    unit: '%',
    metric: (m, period) => m.metricClientErrorRate({ period }),
    appliesTo: ALWAYS,
    notApplicable: '',
  },
  {
    key: 'latencyP99',
    id: 'LatencyP99',
    what: 'p99 latency',
    threshold: 3000,
    unit: 'ms',
    metric: (m, period) => m.metricLatency({ period }),
    appliesTo: props => props.metrics.protocol !== ApiProtocol.WEBSOCKET,
    notApplicable: 'nothing for a WebSocket stage, which publishes no Latency metric (use integrationLatencyP99)',
  },
  {
    key: 'integrationLatencyP99',
    id: 'IntegrationLatencyP99',
    what: 'p99 integration latency',
    threshold: 2500,
    unit: 'ms',
    metric: (m, period) => m.metricIntegrationLatency({ period }),
    appliesTo: ALWAYS,
    notApplicable: '',
  },
  {
    key: 'cacheHitRate',
    id: 'CacheHitRate',
    what: 'cache hit rate',
    threshold: 20,
    unit: '%',
    below: true,
    metric: (m, period) => m.metricCacheHitRate({ period }),
    appliesTo: props => props.cached,
    notApplicable: 'nothing for a stage without a cache (set the stage\'s cache)',
  },
];

const DEFAULT_EVALUATION_PERIODS = 5;
const DEFAULT_DATAPOINTS_TO_ALARM = 3;
/** API Gateway publishes one data point a minute. */
const PERIOD_STEP_SECONDS = 60;
/** CloudWatch judges at most a day of data points. */
const MAX_EVALUATION_SECONDS = 86400;

/**
 * The stage's alarms, each on by default with the library's threshold, notifying the stage's
 * or the API's actions. Missing data (no traffic) is not a breach.
 */
export function createStageAlarms(scope: Construct, props: StageAlarmsProps): cloudwatch.Alarm[] {
  const options = props.options ?? {};
  if (options.enabled === false) return [];
  const alarms: cloudwatch.Alarm[] = [];
  for (const definition of DEFINITIONS) {
    const own = options[definition.key];
    const prop = `${props.prop}.${definition.key}`;
    if (!definition.appliesTo(props)) {
      if (own && own.enabled !== false) throw propError(scope, prop, own, definition.notApplicable);
      continue;
    }
    if (own?.enabled === false) continue;
    const alarm = createAlarm(scope, prop, props, definition, own ?? {});
    const actions = options.actions ?? props.apiActions();
    alarm.addAlarmAction(...actions);
    alarm.addOkAction(...actions);
    alarms.push(alarm);
  }
  return alarms;
}

/** A stage's alarm on latency: its prop, e.g. `stages[0].alarms.latencyP99`, and its threshold in ms. */
export interface LatencyAlarm {
  readonly prop: string;
  readonly thresholdMs: number;
}

/** Those of a stage's alarms that watch latency. */
export function latencyAlarms(prop: string, alarms: readonly cloudwatch.Alarm[]): LatencyAlarm[] {
  return DEFINITIONS.filter(d => d.unit === 'ms').flatMap(d => {
    const alarm = alarms.find(a => a.node.id === alarmId(d));
    return alarm ? [{ prop: `${prop}.${d.key}`, thresholdMs: (alarm.node.defaultChild as cloudwatch.CfnAlarm).threshold! }] : [];
  });
}

function alarmId(d: AlarmDefinition): string {
  return `${d.id}Alarm`;
}

function createAlarm(scope: Construct, prop: string, props: StageAlarmsProps, d: AlarmDefinition, o: StageAlarmOptions): cloudwatch.Alarm {
  const threshold = o.threshold ?? d.threshold;
  const period = o.period ?? Duration.minutes(1);
  const evaluationPeriods = o.evaluationPeriods ?? DEFAULT_EVALUATION_PERIODS;
  const datapointsToAlarm = o.datapointsToAlarm ?? Math.min(DEFAULT_DATAPOINTS_TO_ALARM, evaluationPeriods);
  checkAlarmOptions(scope, prop, d, { threshold, period, evaluationPeriods, datapointsToAlarm });
  const minutes = period.toMinutes({ integral: false });
  return new cloudwatch.Alarm(scope, alarmId(d), {
    metric: d.metric(props.metrics, period),
    threshold,
    comparisonOperator: d.below ? cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD : cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods,
    datapointsToAlarm,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    alarmDescription: `${d.what} of stage ${props.stageName} of ${scope.node.scope?.node.path} ${d.below ? 'below' : 'above'} `
      + `${threshold} ${d.unit} in ${datapointsToAlarm} of ${evaluationPeriods} periods of ${minutes} min`,
  });
}

interface ResolvedAlarmOptions {
  readonly threshold: number;
  readonly period: Duration;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
}

function checkAlarmOptions(scope: Construct, prop: string, d: AlarmDefinition, o: ResolvedAlarmOptions): void {
  if (d.unit === '%') checkNumberInRange(scope, `${prop}.threshold`, o.threshold, 0, 100);
  else checkNumberInRange(scope, `${prop}.threshold`, o.threshold, 1, Number.MAX_SAFE_INTEGER);
  const seconds = o.period.toSeconds({ integral: false });
  if (!Token.isUnresolved(seconds) && (seconds <= 0 || seconds % PERIOD_STEP_SECONDS !== 0)) {
    throw propError(scope, `${prop}.period`, `${seconds} seconds`, 'a whole number of minutes (API Gateway publishes a data point a minute)');
  }
  const maxPeriods = Math.max(1, Math.floor(MAX_EVALUATION_SECONDS / seconds));
  checkIntegerInRange(scope, `${prop}.evaluationPeriods`, o.evaluationPeriods, 1, maxPeriods);
  checkIntegerInRange(scope, `${prop}.datapointsToAlarm`, o.datapointsToAlarm, 1, o.evaluationPeriods);
}
