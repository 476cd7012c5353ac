import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface DeadLetterQueueProps {
  queueName: string;
  /** Who drops messages here, for the nag acknowledgement and the reader of the template. */
  catches: string;
  /**
   * A Lambda function's dead-letter queue: cdk-nag recognises that use. Any other (an IoT rule's error
   * action, Scheduler's dead-letter config) it cannot see, so that finding is acknowledged here.
   */
  lambdaDeadLetterQueue: boolean;
  /** prod keeps the queue (and any failed messages in it) when the stack is deleted. */
  retain: boolean;
}

/**
 * Where failed deliveries wait for an operator: encrypted at rest, TLS only, kept the SQS maximum of
 * 14 days. It is the end of the line, so it has no dead-letter queue of its own.
 */
export class DeadLetterQueue extends Construct {
  readonly queue: Queue;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      queueName: props.queueName,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const reason =
      `This queue is itself a dead-letter queue (it catches ${props.catches}); a DLQ of a DLQ would only ` +
      'move the same messages once more. Messages stay 14 days for inspection and redrive.';
    Validations.of(this).acknowledge({ id: 'Serverless-SQSRedrivePolicy', reason });
    if (!props.lambdaDeadLetterQueue) Validations.of(this).acknowledge({ id: 'AwsSolutions-SQS3', reason });
  }
}
