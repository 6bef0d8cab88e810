import { Lazy } from 'aws-cdk-lib';

/**
 * Whether custom domains serve an API's stages, and at which URL. A domain in front turns the
 * API's execute-api endpoint off (unless the user says otherwise), so that nothing bypasses the
 * domain's TLS, mutual TLS or base paths; every URL the library then hands out for a stage
 * (its `url`, its stack output, the OpenAPI document's servers) is the domain's.
 */
export class DomainFront {
  private readonly urls = new Map<string, string>();
  private readonly stageUrls = new Map<string, string>();

  /** @param disableExecuteApiEndpoint the user's `disableExecuteApiEndpoint`, if given */
  constructor(private readonly disableExecuteApiEndpoint: boolean | undefined) {}

  /** Records that a domain serves the stage at `url`; a stage mapped twice keeps its first URL. */
  public map(stageName: string, url: string): void {
    if (!this.urls.has(stageName)) this.urls.set(stageName, url);
  }

  /** The template's `DisableExecuteApiEndpoint`: the user's choice, else true once a domain serves a stage. */
  public get disableExecuteApiEndpointProperty(): boolean | undefined {
    return this.disableExecuteApiEndpoint ?? (this.urls.size > 0 || undefined);
  }

  /**
   * The URL clients reach the stage at, decided at synth (domains may be mapped after the stage
   * is made); one token per stage, so that reading it twice gives the same value.
   */
  public stageUrl(stageName: string, executeApiUrl: string): string {
    let url = this.stageUrls.get(stageName);
    if (url === undefined) {
      url = Lazy.string({ produce: () => this.domainUrl(stageName) ?? executeApiUrl });
      this.stageUrls.set(stageName, url);
    }
    return url;
  }

  /** The domain URL of a stage, when the execute-api endpoint is off and a domain serves it. */
  public domainUrl(stageName: string): string | undefined {
    return this.disableExecuteApiEndpointProperty ? this.urls.get(stageName) : undefined;
  }
}
