import { accessPolicy } from '@village/api';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRuntimeConfig } from '../../functions/shared/runtime-config.ts';
import { CDK_TIMEOUT, resourcesOf, stacksFor } from './support.ts';

let template: Template;
beforeAll(() => {
  template = Template.fromStack(stacksFor().api);
}, 60_000);

describe('ApiStack', () => {
  it('has an invite-only Cognito user pool with the three API roles as groups', CDK_TIMEOUT, () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolName: 'village-dev-users',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
      Schema: [Match.objectLike({ Name: 'householdId', AttributeDataType: 'String' })],
    });
    const groups = Object.values(resourcesOf(template, 'AWS::Cognito::UserPoolGroup')).map(
      (g) => [g.Properties?.GroupName, g.Properties?.Precedence] as const,
    );
    expect(groups).toEqual([
      ['operator', 0],
      ['crew', 1],
      ['household', 2],
    ]);
  });

  it('has a public client that may not write custom:householdId', CDK_TIMEOUT, () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      PreventUserExistenceErrors: 'ENABLED',
      ReadAttributes: Match.arrayWith(['custom:householdId']),
      WriteAttributes: ['name'],
      AllowedOAuthFlows: Match.absent(),
    });
  });

  it('puts the JWT authorizer on every route except GET /health', CDK_TIMEOUT, () => {
    const routes = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties!);
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(
      Object.values(accessPolicy)
        .map((p) => `${p.method.toUpperCase()} ${p.path}`)
        .sort(),
    );
    const [authorizerId] = Object.keys(resourcesOf(template, 'AWS::ApiGatewayV2::Authorizer'));
    for (const route of routes) {
      if (route.RouteKey === 'GET /health') {
        expect(route.AuthorizationType).toBe('NONE');
        expect(route.AuthorizerId).toBeUndefined();
      } else {
        expect(route).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
      }
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('WebClient') }],
        Issuer: {
          'Fn::Join': ['', ['https://cognito-idp.ap-southeast-1.amazonaws.com/', { Ref: Match.anyValue() }]],
        },
      },
    });
  });

  it('allows CORS from the configured web origin only', CDK_TIMEOUT, () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: {
        AllowOrigins: ['http://localhost:5173'],
        AllowMethods: ['GET', 'POST', 'PUT', 'OPTIONS'],
        AllowHeaders: ['authorization', 'content-type', 'if-match'],
        ExposeHeaders: ['etag'],
      },
    });
    const custom = Template.fromStack(stacksFor({ stage: 'prod', webOrigin: 'https://app.bachdang.vn' }).api);
    custom.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: { AllowOrigins: ['https://app.bachdang.vn'] },
    });
  });

  it('throttles the stage and writes JSON access logs with a retention', CDK_TIMEOUT, () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('AccessLogs'), 'Arn'] },
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
    });
    const [stage] = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Stage'));
    const format = (stage!.Properties!.AccessLogSettings as { Format: string }).Format;
    expect(Object.keys(JSON.parse(format))).toEqual(expect.arrayContaining(['status', 'routeKey', 'ip']));
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/http-api/village-dev-api',
      RetentionInDays: 14,
    });
  });

  it('serves every route from the one API function, read-only on the table', CDK_TIMEOUT, () => {
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
    });
    const [fn] = Object.values(resourcesOf(template, 'AWS::Lambda::Function'));
    expect(fn?.Properties).toMatchObject({
      FunctionName: 'village-dev-api',
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      ReservedConcurrentExecutions: 10,
      LoggingConfig: { LogFormat: 'JSON', SystemLogLevel: 'INFO' },
    });
    expect(fn?.Properties?.DeadLetterConfig).toBeUndefined();
    const env = (fn!.Properties!.Environment as { Variables: Record<string, string> }).Variables;
    expect(readRuntimeConfig(env).JWT_SECRET).toBeUndefined();
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] }),
        ]),
      },
    });
  });

  it('protects the user pool in prod only', CDK_TIMEOUT, () => {
    const prod = Template.fromStack(stacksFor({ stage: 'prod' }).api);
    prod.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Delete' });
  });
});
