import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { stageConfig } from '../../infra/config.ts';
import { DataStack } from '../../infra/stacks/data-stack.ts';

describe('DataStack', () => {
  it('declares the single table of the data model with PITR, TTL and the time-order index', {
    timeout: 60_000,
  }, () => {
    const stack = new DataStack(new App(), 'data', stageConfig('dev'));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
        },
      ],
    });
  });

  it('protects the table from deletion in prod only', { timeout: 60_000 }, () => {
    const prod = Template.fromStack(new DataStack(new App(), 'p', stageConfig('prod')));
    prod.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true });
    prod.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
    const dev = Template.fromStack(new DataStack(new App(), 'd', stageConfig('dev')));
    expect(dev.findResources('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' })).toEqual({});
    expect(() => stageConfig('staging')).toThrow();
  });
});
