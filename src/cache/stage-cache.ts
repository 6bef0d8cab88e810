import { Duration } from 'aws-cdk-lib';

/** The sizes of stage cache API Gateway offers, in GB. */
export enum CacheClusterSize {
  /** 0.5 GB */
  GB_0_5 = '0.5',
  /** 1.6 GB */
  GB_1_6 = '1.6',
  /** 6.1 GB */
  GB_6_1 = '6.1',
  /** 13.5 GB */
  GB_13_5 = '13.5',
  /** 28.4 GB */
  GB_28_4 = '28.4',
  /** 58.2 GB */
  GB_58_2 = '58.2',
  /** 118 GB */
  GB_118 = '118',
  /** 237 GB */
  GB_237 = '237',
}

/**
 * A stage's response cache. Cached data is always encrypted, as CT.APIGATEWAY.PR.3 and cdk-nag's
 * NIST, PCI and HIPAA packs require.
 */
export interface StageCacheOptions {
  /**
   * The cache's size.
   *
   * @default CacheClusterSize.GB_0_5
   */
  readonly clusterSize?: CacheClusterSize;

  /**
   * How long a cached response is served, 0 to 3600 seconds.
   *
   * @default Duration.seconds(300)
   */
  readonly ttl?: Duration;
}
