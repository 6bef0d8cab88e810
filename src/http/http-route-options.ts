import { HttpAuthorization } from './http-authorizer';
import { HttpIntegration } from './http-integration';
import { ThrottleOptions } from '../throttle/throttle';

/** One route of an HTTP API. */
export interface HttpRouteOptions {
  /** Where the request goes. */
  readonly integration: HttpIntegration;

  /**
   * Who may call the route.
   *
   * @default - the API's `defaultAuthorization`
   */
  readonly authorization?: HttpAuthorization;

  /**
   * The route's own limits on every stage, within the stage's.
   *
   * @default - the stage's limits
   */
  readonly throttle?: ThrottleOptions;
}
