/**
 * The shapes @grpc/proto-loader produces for tfplugin6 messages with {keepCase, longs: Number, enums: String}.
 * Only the fields this server reads or writes are declared; they stay internal to the protocol layer.
 */
export interface ProtoDynamicValue {
  msgpack?: Uint8Array;
  json?: Uint8Array;
}

export interface ProtoAttributePath {
  steps: ({ attribute_name: string } | { element_key_string: string } | { element_key_int: number })[];
}

export interface ProtoDiagnostic {
  severity: "ERROR" | "WARNING";
  summary: string;
  detail: string;
  attribute?: ProtoAttributePath;
}

export type ProtoStringKind = "PLAIN" | "MARKDOWN";

export interface ProtoSchemaAttribute {
  name: string;
  type?: Uint8Array;
  nested_type?: ProtoSchemaObject;
  description: string;
  description_kind: ProtoStringKind;
  required: boolean;
  optional: boolean;
  computed: boolean;
  sensitive: boolean;
  deprecated: boolean;
  write_only: boolean;
}

export interface ProtoSchemaObject {
  attributes: ProtoSchemaAttribute[];
  nesting: "SINGLE" | "LIST" | "SET" | "MAP";
}

export interface ProtoSchemaNestedBlock {
  type_name: string;
  block: ProtoSchemaBlock;
  nesting: "SINGLE" | "LIST" | "SET" | "MAP" | "GROUP";
  min_items: number;
  max_items: number;
}

export interface ProtoSchemaBlock {
  version: number;
  attributes: ProtoSchemaAttribute[];
  block_types: ProtoSchemaNestedBlock[];
  description: string;
  description_kind: ProtoStringKind;
  deprecated: boolean;
}

export interface ProtoSchema {
  version: number;
  block: ProtoSchemaBlock;
}

/** Request fields read by the handlers (every RPC's request is a subset of this). */
export interface ProtoRequest {
  type_name?: string;
  config?: ProtoDynamicValue;
  version?: number;
  raw_state?: { json?: Uint8Array };
  terraform_version?: string;
  current_state?: ProtoDynamicValue;
  private?: Uint8Array;
  prior_state?: ProtoDynamicValue;
  proposed_new_state?: ProtoDynamicValue;
  prior_private?: Uint8Array;
  planned_state?: ProtoDynamicValue;
  planned_private?: Uint8Array;
  id?: string;
  client_capabilities?: { deferral_allowed?: boolean; write_only_attributes_allowed?: boolean };
}

/** google.protobuf.Timestamp's shape (declared as tfplugin6.Timestamp in our .proto). */
export interface ProtoTimestamp {
  seconds: number;
  nanos: number;
}
