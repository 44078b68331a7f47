import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simplifyIfAsked } from '../../helpers/listing';
import { assertNumber, assertOneOf, requireUuid, uuidList } from '../../helpers/validation';
import { departmentLocator } from '../locators';
import { simplifyProperty, sortedByName } from '../listing.descriptions';

/** The department fields Simplify keeps (9 of 14). */
export const DEPARTMENT_SIMPLE_FIELDS = [
	'id',
	'name',
	'description',
	'isDefault',
	'distribuitionEnabled',
	'restrictionType',
	'agents',
	'channels',
	'createdAt',
] as const;

export const departmentSimplifyProperty = simplifyProperty(DEPARTMENT_SIMPLE_FIELDS);

export const simplifyDepartments = <T extends IDataObject | IDataObject[]>(ctx: IExecuteFunctions, i: number, data: T): T =>
	simplifyIfAsked(ctx, i, data, DEPARTMENT_SIMPLE_FIELDS);

export const departmentIdProperty = (description: string): INodeProperties => departmentLocator({ description });

export const readDepartmentId = (ctx: IExecuteFunctions, i: number): string => requireUuid(ctx, 'departmentId', i, 'Department ID');

/** The request parts for `path` (one of `/core/v1/department/{id}…`) and department `id`, with the subject for not-found. */
export const departmentPath = (path: string, id: string) => ({
	path,
	pathParams: { id },
	subject: { noun: 'Department', id },
});

const RESTRICTIONS = [
	{ name: 'Department', value: 'DEPARTMENT_RESTRICTION', description: 'Agents see only the sessions of their departments' },
	{ name: 'None', value: 'NONE', description: 'No restriction' },
	{ name: 'User', value: 'USER_RESTRICTION', description: 'Agents see only the sessions assigned to them' },
];

const CHANNEL_SCOPES = [
	{ name: 'All Channels', value: 'ALL' },
	{ name: 'No Channel', value: 'NONE' },
	{ name: 'Selected Channels', value: 'SELECTED' },
];

/** The department settings Create and Update share, as collection options (alphabetical). */
export const departmentFieldOptions = (): INodeProperties[] =>
	sortedByName([
		{
			displayName: 'Channel Names or IDs',
			name: 'channels',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getChannels' },
			default: [],
			description:
				'The channels the department serves (with Channel Scope Selected Channels, the default when channels are given). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Channel Scope',
			name: 'channelScope',
			type: 'options',
			default: 'ALL',
			description: 'Which channels the department serves',
			options: CHANNEL_SCOPES,
		},
		{
			displayName: 'Distribution Enabled',
			name: 'distributionIsEnabled',
			type: 'boolean',
			default: true,
			description: 'Whether new sessions are distributed automatically among the department’s agents',
		},
		{
			displayName: 'Distribution Expiration Enabled',
			name: 'expirationIsEnabled',
			type: 'boolean',
			default: false,
			description: 'Whether a distributed session goes to another agent when it is not taken in time',
		},
		{
			displayName: 'Distribution Inactivity Time (Minutes)',
			name: 'inactivityTimeInMinutes',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Minutes without activity after which a distributed session is redistributed',
		},
		{
			displayName: 'Distribution Maximum Duration (Minutes)',
			name: 'maximumDurationInMinutes',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Minutes an agent has to take a distributed session',
		},
		{
			displayName: 'Is Default',
			name: 'isDefault',
			type: 'boolean',
			default: false,
			description: 'Whether this is the account’s default department (the one new sessions go to)',
		},
		{
			displayName: 'Restriction Type',
			name: 'restrictionType',
			type: 'options',
			default: 'NONE',
			description: 'Which sessions the department’s agents can see',
			options: RESTRICTIONS,
		},
	]);

export const DISTRIBUTION_KEYS = ['expirationIsEnabled', 'maximumDurationInMinutes', 'inactivityTimeInMinutes'];

/**
 * The body of a department create/update from the settings the user added (`values`), with the API's `fields`
 * names of what it holds. Channels without a scope are Selected Channels; Selected Channels needs channels.
 */
export function departmentBody(ctx: IExecuteFunctions, i: number, values: IDataObject): { body: IDataObject; fields: string[] } {
	const body: IDataObject = {};
	const fields: string[] = [];
	if (values.name !== undefined) {
		const name = String(values.name).trim();
		if (name === '' || name.length > 100) {
			throw new NodeOperationError(ctx.getNode(), `The Name ${name === '' ? 'field is empty' : `has ${name.length} characters, more than 100`}`, {
				description: 'Enter a department name of 1 to 100 characters.',
				itemIndex: i,
			});
		}
		body.name = name;
		fields.push('Name');
	}
	if (values.isDefault !== undefined) {
		body.isDefault = values.isDefault === true;
		fields.push('IsDefault');
	}
	if (values.distributionIsEnabled !== undefined) {
		body.distributionIsEnabled = values.distributionIsEnabled === true;
		fields.push('DistributionIsEnabled');
	}
	if (values.restrictionType !== undefined) {
		body.restrictionType = assertOneOf(ctx, values.restrictionType, RESTRICTIONS, i, 'Restriction Type');
		fields.push('RestrictionType');
	}
	if (values.channelScope !== undefined || values.channels !== undefined) {
		const channels = uuidList(ctx, values.channels, i, 'Channel ID');
		const scope = values.channelScope !== undefined ? assertOneOf(ctx, values.channelScope, CHANNEL_SCOPES, i, 'Channel Scope') : 'SELECTED';
		if (scope === 'SELECTED' && channels.length === 0) {
			throw new NodeOperationError(ctx.getNode(), `Selected Channels needs at least one channel`, {
				description: 'Add the channels under Channel Names or IDs, or choose another Channel Scope.',
				itemIndex: i,
			});
		}
		body.channelsConfig = { scope, ...(scope === 'SELECTED' ? { channels } : {}) };
		fields.push('ChannelsConfig');
	}
	const distribution: IDataObject = {};
	for (const key of DISTRIBUTION_KEYS) {
		if (values[key] === undefined) continue;
		distribution[key] =
			key === 'expirationIsEnabled' ? values[key] === true : assertNumber(ctx, values[key], i, key === 'maximumDurationInMinutes' ? 'Distribution Maximum Duration' : 'Distribution Inactivity Time', { min: 0, max: 2147483647, integer: true });
	}
	if (Object.keys(distribution).length > 0) {
		body.distributionConfig = distribution;
		fields.push('DistributionConfig');
	}
	return { body, fields };
}
