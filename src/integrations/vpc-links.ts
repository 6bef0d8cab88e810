import { aws_apigatewayv2 as apigwv2, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { shortHash } from '../core/hash';

/**
 * An API's own VPC links (v2) into the VPCs of its private integrations: one per VPC, shared by
 * every private integration into it, REST and HTTP APIs alike. A link's security group may only
 * reach the VPC's own addresses, and each backend named is opened to it.
 */
export class VpcLinks {
  private readonly links = new Map<string, { link: apigwv2.VpcLink; securityGroup: ec2.SecurityGroup }>();

  /** @param owner the API, which owns the links (their ids stay under it) */
  constructor(private readonly owner: Construct) {}

  /**
   * The link into `vpc`. A `backend` given (a load balancer or listener) is opened to the
   * link's security group on `port`, or on its default port.
   */
  public into(vpc: ec2.IVpc, backend?: ec2.IConnectable, port?: ec2.Port): apigwv2.IVpcLink {
    let own = this.links.get(vpc.node.path);
    if (!own) {
      const id = `VpcLink${shortHash(vpc.node.path)}`;
      const securityGroup = new ec2.SecurityGroup(this.owner, `${id}SecurityGroup`, {
        vpc,
        description: `The VPC link of ${this.owner.node.path} towards its private integrations`,
        allowAllOutbound: false,
      });
      securityGroup.addEgressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.allTcp(), 'Private integrations inside the VPC');
      // The VPC's default selection: its private subnets, or its isolated ones when it has no private.
      const subnets = { subnets: vpc.selectSubnets().subnets };
      own = { link: new apigwv2.VpcLink(this.owner, id, { vpc, subnets, securityGroups: [securityGroup] }), securityGroup };
      this.links.set(vpc.node.path, own);
    }
    const description = `From the VPC link of ${this.owner.node.path}`;
    if (backend && port) backend.connections.allowFrom(own.securityGroup, port, description);
    else if (backend?.connections.defaultPort) backend.connections.allowDefaultPortFrom(own.securityGroup, description);
    return own.link;
  }
}
