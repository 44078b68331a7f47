// The contact's documented values (statuses, mask fields, tag operations, details, UTM parts): data the editor
// properties (descriptions.ts) and the request bodies (bodies.ts) share.

export const CONTACT_STATUSES = [
	{ name: 'Active', value: 'ACTIVE' },
	{ name: 'Archived', value: 'ARCHIVED' },
	{ name: 'Blocked', value: 'BLOCKED' },
];

export const CONTACT_ORIGINS = [
	{ name: 'Created By User', value: 'CREATED_BY_USER' },
	{ name: 'Created By Hub', value: 'CREATED_FROM_HUB' },
	{ name: 'Imported', value: 'IMPORTED' },
];

/** The contact `fields` mask values (PublicReqUpdateContactDTO.fields, also the upsert fields). */
export const CONTACT_MASK_FIELDS = [
	{ name: 'Annotation', value: 'Annotation' },
	{ name: 'Custom Fields', value: 'CustomFields' },
	{ name: 'Email', value: 'Email' },
	{ name: 'Instagram', value: 'Instagram' },
	{ name: 'Metadata', value: 'Metadata' },
	{ name: 'Name', value: 'Name' },
	{ name: 'Phone Number', value: 'PhoneNumber' },
	{ name: 'Picture URL', value: 'PictureUrl' },
	{ name: 'Portfolio', value: 'Portfolio' },
	{ name: 'Sequence IDs', value: 'SequenceIds' },
	{ name: 'Status', value: 'Status' },
	{ name: 'Tags', value: 'Tags' },
	{ name: 'UTM', value: 'Utm' },
];

/**
 * The mask values Create's "Fields to Update" offers: the fields Create can send a value for (its body has no
 * picture, status or UTM, so choosing those would change nothing).
 */
export const UPSERT_MASK_FIELDS = CONTACT_MASK_FIELDS.filter((f) => !['PictureUrl', 'Status', 'Utm'].includes(f.value));

/** Tag operations of the update / update-tags bodies (the upsert options use the same words in upper case). */
export const TAG_OPERATIONS = [
	{ name: 'Add', value: 'InsertIfNotExists', description: 'Add the tags the contact does not have yet' },
	{ name: 'Remove', value: 'DeleteIfExists', description: 'Remove these tags from the contact' },
	{ name: 'Replace', value: 'ReplaceAll', description: 'The contact keeps exactly these tags' },
];

export const INCLUDE_DETAILS = [
	{ name: 'Custom Fields', value: 'CustomFields' },
	{ name: 'Portfolios', value: 'Portfolios' },
	{ name: 'Tags', value: 'Tags' },
];

/** The contact fields Simplify keeps (12 of 24). */
export const CONTACT_SIMPLE_FIELDS = [
	'id',
	'createdAt',
	'name',
	'phoneNumber',
	'phoneNumberFormatted',
	'email',
	'instagram',
	'status',
	'tagIds',
	'tagNames',
	'customFields',
	'metadata',
] as const;

export const MAX_TEXT = 255;

export const IF_EXISTS = [
	{
		name: 'Leave to WTS Chat',
		value: 'default',
		description: 'Sends neither option; what WTS Chat does with a contact that exists is not documented',
	},
	{ name: 'Return It Unchanged', value: 'get', description: 'Sends getIfExists: the existing contact is returned as it is' },
	{ name: 'Update It', value: 'update', description: 'Sends upsert: the existing contact is updated with this data and returned' },
];

export const UPSERT_TAG_OPERATIONS = [
	{ name: 'Add', value: 'INSERTIFNOTEXISTS', description: 'Add the tags the contact does not have yet' },
	{ name: 'Remove', value: 'DELETEIFEXISTS', description: 'Remove these tags from the contact' },
	{ name: 'Replace', value: 'REPLACEALL', description: 'The contact keeps exactly these tags (the API’s own default; the node’s is Add)' },
];

export const UTM_FIELDS = [
	['Campaign', 'campaign'],
	['Content', 'content'],
	['Headline', 'headline'],
	['Medium', 'medium'],
	['Referral URL', 'referralUrl'],
	['Source', 'source'],
	['Term', 'term'],
];
