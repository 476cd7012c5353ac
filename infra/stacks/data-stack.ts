import { tableDefinition } from '@village/store';
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config.ts';

/** The single table of docs/data-model.md; keys and index come from the store package's definition. */
export class DataStack extends Stack {
  readonly table: Table;

  constructor(scope: Construct, id: string, config: StageConfig, props?: StackProps) {
    super(scope, id, props);
    this.table = new Table(this, 'Table', {
      tableName: config.tableName,
      partitionKey: { name: tableDefinition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDefinition.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: tableDefinition.ttlAttribute,
      deletionProtection: config.protectData,
      removalPolicy: config.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: tableDefinition.gsi1.name,
      partitionKey: { name: tableDefinition.gsi1.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDefinition.gsi1.sortKey, type: AttributeType.STRING },
    });
  }
}
