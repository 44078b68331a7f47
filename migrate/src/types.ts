// Shapes of n8n workflow JSON as far as the converter needs them, and what a conversion reports.

export type Params = Record<string, unknown>;

export interface CredentialRef {
	id?: string | null;
	name: string;
}

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Params;
	credentials?: Record<string, CredentialRef>;
	[key: string]: unknown;
}

export interface Connection {
	node: string;
	type: string;
	index: number;
}

/** connections[source][type][outputIndex] = targets */
export type Connections = Record<string, Record<string, Array<Connection[] | null>>>;

export interface Workflow {
	id?: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Connections;
	settings?: Params;
	active?: boolean;
	[key: string]: unknown;
}

/** How a finding should be read: done for you, or needs a person. */
export type FindingKind = 'changed' | 'check' | 'todo';

export interface Finding {
	kind: FindingKind;
	node: string;
	parameter?: string;
	text: string;
	before?: string;
	after?: string;
}

/** The result of converting one legacy node's parameters. */
export interface MappedNode {
	resource: string;
	operation: string;
	parameters: Params;
	/** The legacy output shape this operation replaces: a page object (list), one object, or a deletion. */
	output: 'list' | 'object' | 'delete' | 'perContact';
	/** For the batch sequence actions: the contacts to split into one item each before the node. */
	splitContacts?: { phoneValues: unknown[]; contactIdValues: unknown[] };
}

/** A legacy credential (n8n export:credentials --decrypted) or only its reference. */
export interface LegacyCredential {
	id?: string;
	name: string;
	type: string;
	data?: Record<string, unknown> | string;
}

/** A WTS Chat API credential the converter creates or asks the user to create. */
export interface NewCredential {
	/** the legacy credential's id or name it replaces */
	legacyKey: string;
	legacyName: string;
	id: string | null;
	name: string;
	type: 'wtsChatApi';
	/** present only when the legacy token could be read */
	data?: { apiToken: string; baseUrl: string };
	baseUrl?: string;
	/** set when the token was not readable: the user fills the credential in */
	toFill: boolean;
}

export interface WorkflowResult {
	source: string;
	name: string;
	id?: string;
	converted: Workflow;
	original: Workflow;
	legacyNodes: number;
	nodes: Array<{ name: string; legacyAction: string; now: string }>;
	findings: Finding[];
}
