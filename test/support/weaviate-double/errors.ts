/**
 * One error type for every refusal the double makes. The REST layer turns it into Weaviate's
 * `{"error":[{"message": ...}]}` body with `httpStatus`; the gRPC layer into a status with `grpcCode`.
 */
import { Status } from 'nice-grpc';

export class DoubleError extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
    readonly grpcCode: Status = Status.UNKNOWN,
  ) {
    super(message);
    this.name = 'DoubleError';
  }
}

/** 422: what Weaviate answers for schema and object validation failures. */
export const unprocessable = (message: string): DoubleError =>
  new DoubleError(422, message, Status.INVALID_ARGUMENT);

export const notFound = (message: string): DoubleError => new DoubleError(404, message, Status.NOT_FOUND);

export const badRequest = (message: string): DoubleError =>
  new DoubleError(400, message, Status.INVALID_ARGUMENT);
