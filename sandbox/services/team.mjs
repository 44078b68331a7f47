// Handlers of the team administration routes of the core service: agents (tag "Usuários") and departments
// (tag "Equipes"). The listings and single reads stay in services/core.mjs; see that file for the handler contract.
// Agents are addressed by their record id (PublicAgentDTO.id) in these paths, as GET /core/v1/agent/{id} is;
// sessions, department members and transfers reference PublicAgentDTO.userId.

import { formError } from '../envelopes.mjs';
import { agentDto, departmentDto } from '../dto.mjs';
import { newId } from '../state.mjs';
import { formatPhone, normalizePhone } from './core.mjs';
import { mustGetUser } from './chat.mjs';

const AGENT_NOT_FOUND = 'Usuário não encontrado.';
const DEPARTMENT_NOT_FOUND = 'Equipe não encontrada.';
const OPEN_STATUSES = ['STARTED', 'PENDING', 'IN_PROGRESS'];

const iso = (ms) => new Date(ms).toISOString();

function setPhone(agent, phone) {
	agent.phoneNumber = phone ? normalizePhone(phone) : null;
	agent.phoneNumberFormatted = agent.phoneNumber ? formatPhone(agent.phoneNumber) : null;
}

function assertEmailFree(state, email, exceptId) {
	if (!email) return;
	const taken = [...state.agents.values()].find((a) => !a._deleted && a.id !== exceptId && a.email?.toLowerCase() === String(email).toLowerCase());
	if (taken) throw formError('Já existe um usuário com este e-mail.');
}

function mustGetAgentByUserId(state, userId) {
	const agent = userId ? state.agentByUserId(userId) : null;
	if (!agent || agent._deleted) throw formError(AGENT_NOT_FOUND);
	return agent;
}

/** Applies a ReplaceAll / Upsert / Remove of memberships: `list` is the current one, `items` keyed by `keyOf`. */
function applyMembership(list, action, items, keyOf) {
	const keyed = new Map(items.map((it) => [keyOf(it), it]));
	if (action === 'ReplaceAll') return [...keyed.values()];
	if (action === 'Remove') return list.filter((m) => !keyed.has(keyOf(m)));
	const out = list.map((m) => (keyed.has(keyOf(m)) ? { ...m, ...keyed.get(keyOf(m)) } : m));
	for (const [k, it] of keyed) if (!list.some((m) => keyOf(m) === k)) out.push(it);
	return out;
}

const ACTIONS = ['ReplaceAll', 'Upsert', 'Remove'];

function assertAction(action) {
	if (!ACTIONS.includes(action)) throw formError('Informe a ação: ReplaceAll, Upsert ou Remove.');
}

const membership = (departmentId, it) => ({ departmentId, isAgent: it.isAgent ?? true, isSupervisor: it.isSupervisor ?? false });

/** The channel ids a department's channelsConfig selects (channels given by id, name or number). */
function channelIdsOf(state, config) {
	const scope = config?.scope ?? 'ALL';
	const all = [...state.channels.values()];
	if (scope === 'ALL') return all.map((c) => c.id);
	if (scope === 'NONE') return [];
	return (config.channels ?? []).map((ref) => {
		const want = String(ref).trim().toLowerCase();
		const digits = want.replace(/\D/g, '');
		const ch = all.find(
			(c) => c.id === want || c.identity?.displayName?.toLowerCase() === want || (digits.length >= 8 && String(c.number ?? '').replace(/\D/g, '') === digits),
		);
		if (!ch) throw formError(`Canal não encontrado: ${ref}`);
		return ch.id;
	});
}

function applyDepartmentFields(state, d, b, fields) {
	if (fields.has('Name')) {
		if (!b.name?.trim()) throw formError('Informe o nome da equipe.');
		d.name = b.name.trim();
	}
	if (fields.has('IsDefault') && b.isDefault !== undefined) {
		if (b.isDefault) for (const other of state.departments.values()) other.isDefault = false;
		d.isDefault = b.isDefault;
	}
	if (fields.has('DistributionIsEnabled') && b.distributionIsEnabled !== undefined) d.distribuitionEnabled = b.distributionIsEnabled;
	if (fields.has('RestrictionType')) d.restrictionType = b.restrictionType ?? 'NONE';
	// Guess (docs silent), the stricter reading: the object replaces the stored one; its non-nullable members left out
	// take their defaults (false / 0), as the API's deserialiser would give them.
	if (fields.has('DistributionConfig') && b.distributionConfig) {
		d.distributionConfig = { expirationIsEnabled: false, maximumDurationInMinutes: 0, inactivityTimeInMinutes: 0, ...b.distributionConfig };
	}
	if (fields.has('ChannelsConfig') && b.channelsConfig) d.channelIds = channelIdsOf(state, b.channelsConfig);
}

const DEPARTMENT_FIELDS = ['Name', 'IsDefault', 'DistributionIsEnabled', 'ChannelsConfig', 'RestrictionType', 'DistributionConfig'];

export const handlers = {
	// ---- agents
	'POST /core/v1/agent': ({ state, body: b, now }) => {
		if (!b.name?.trim()) throw formError('Informe o nome do usuário.');
		assertEmailFree(state, b.email);
		const at = iso(now);
		const agent = {
			id: newId(),
			createdAt: at,
			updatedAt: at,
			companyId: state.company.id,
			userId: newId(),
			name: b.name.trim(),
			shortName: b.name.trim().split(/\s+/)[0],
			email: b.email ?? null,
			profile: b.profile,
			isOwner: false,
			availability: b.availability ?? 'AVAILABLE',
			departments: [],
			_status: 'Active',
		};
		setPhone(agent, b.phoneNumber);
		state.agents.set(agent.id, agent);
		return agentDto(agent);
	},
	'PUT /core/v1/agent/{id}': ({ state, params, body: b, now }) => {
		const agent = state.mustGet('agents', params.id, AGENT_NOT_FOUND);
		const fields = new Set(b.fields ?? []);
		if (fields.has('Name')) {
			if (!b.name?.trim()) throw formError('Informe o nome do usuário.');
			agent.name = b.name.trim();
		}
		if (fields.has('ShortName')) agent.shortName = b.shortName ?? null;
		if (fields.has('Email')) {
			assertEmailFree(state, b.email, agent.id);
			agent.email = b.email ?? null;
		}
		if (fields.has('PhoneNumber')) setPhone(agent, b.phoneNumber);
		if (fields.has('Profile') && b.profile) agent.profile = b.profile;
		if (fields.has('Availability') && b.availability) agent.availability = b.availability;
		agent.updatedAt = iso(now);
		return agentDto(agent);
	},
	'DELETE /core/v1/agent/{id}': ({ state, params, body, now }) => {
		const agent = state.mustGet('agents', params.id, AGENT_NOT_FOUND);
		if (agent.isOwner) throw formError('O proprietário da conta não pode ser excluído.');
		const resolution = body?.sessionResolution ?? 'RETURN_TO_PENDING';
		let heir = null;
		if (resolution === 'TRANSFER') {
			if (!body.transferUserId) throw formError('Informe o usuário que receberá os atendimentos (transferUserId).');
			heir = mustGetUser(state, body.transferUserId);
			if (heir.id === agent.id) throw formError('O usuário de destino não pode ser o usuário excluído.');
		}
		for (const s of state.sessions.values()) {
			if (s._deleted || s.userId !== agent.userId || !OPEN_STATUSES.includes(s.status)) continue;
			if (resolution === 'COMPLETE') {
				s.status = 'COMPLETED';
				s.endAt = iso(now);
			} else if (resolution === 'TRANSFER') {
				s.userId = heir.userId;
			} else {
				s.userId = null;
				s.status = 'PENDING';
			}
			s.updatedAt = iso(now);
		}
		agent._deleted = true;
		agent._deletion = { sessionResolution: resolution, transferUserId: heir?.userId ?? null, at: iso(now) };
		return undefined;
	},
	'POST /core/v1/agent/{id}/departments': ({ state, params, body: b, now }) => {
		const agent = state.mustGet('agents', params.id, AGENT_NOT_FOUND);
		assertAction(b.action);
		const items = (b.items ?? []).map((it) => membership(state.mustGet('departments', it.departmentId, DEPARTMENT_NOT_FOUND).id, it));
		agent.departments = applyMembership(agent.departments, b.action, items, (m) => m.departmentId);
		agent.updatedAt = iso(now);
		return undefined;
	},
	'POST /core/v1/agent/{id}/logout': ({ state, params, now }) => {
		const agent = state.mustGet('agents', params.id, AGENT_NOT_FOUND);
		agent._loggedOutAt = iso(now);
		agent.availability = 'UNAVAILABLE';
		agent.updatedAt = iso(now);
		return undefined;
	},
	'POST /core/v1/agent/{id}/status': ({ state, params, body: b, now }) => {
		const agent = state.mustGet('agents', params.id, AGENT_NOT_FOUND);
		if (!b.status || b.status === 'Undefined') throw formError('Informe o novo status do usuário (Active ou Blocked).');
		if (agent.isOwner && b.status === 'Blocked') throw formError('O proprietário da conta não pode ser bloqueado.');
		agent._status = b.status;
		if (b.status === 'Blocked') {
			agent.availability = 'UNAVAILABLE';
			agent._loggedOutAt = iso(now);
		}
		agent.updatedAt = iso(now);
		return agentDto(agent);
	},

	// ---- departments
	'POST /core/v1/department': ({ state, body: b, now }) => {
		if (!b.name?.trim()) throw formError('Informe o nome da equipe.');
		if ([...state.departments.values()].some((d) => !d._deleted && d.name.toLowerCase() === b.name.trim().toLowerCase())) {
			throw formError('Já existe uma equipe com este nome.');
		}
		const members = (b.agents ?? []).map((it) => [mustGetAgentByUserId(state, it.userId), it]);
		const at = iso(now);
		const d = {
			id: newId(),
			companyId: state.company.id,
			createdAt: at,
			updatedAt: at,
			directLinks: {},
			name: '',
			description: null,
			isDefault: false,
			isPrivate: false,
			distribuitionEnabled: false,
			restrictionType: 'NONE',
			distributionConfig: { expirationIsEnabled: false, maximumDurationInMinutes: 0, inactivityTimeInMinutes: 0 },
			channelIds: channelIdsOf(state, b.channelsConfig),
		};
		applyDepartmentFields(state, d, b, new Set(DEPARTMENT_FIELDS.filter((f) => f !== 'ChannelsConfig')));
		state.departments.set(d.id, d);
		for (const [agent, it] of members) agent.departments = applyMembership(agent.departments, 'Upsert', [membership(d.id, it)], (m) => m.departmentId);
		return departmentDto(state, d);
	},
	'PUT /core/v1/department/{id}': ({ state, params, body: b, now }) => {
		const d = state.mustGet('departments', params.id, DEPARTMENT_NOT_FOUND);
		applyDepartmentFields(state, d, b, new Set(b.fields ?? []));
		d.updatedAt = iso(now);
		return departmentDto(state, d);
	},
	'DELETE /core/v1/department/{id}': ({ state, params, now }) => {
		const d = state.mustGet('departments', params.id, DEPARTMENT_NOT_FOUND);
		if (d.isDefault) throw formError('A equipe padrão não pode ser excluída.');
		for (const agent of state.agents.values()) agent.departments = agent.departments.filter((m) => m.departmentId !== d.id);
		d._deleted = true;
		d.updatedAt = iso(now);
		return undefined;
	},
	'PUT /core/v1/department/{id}/agents': ({ state, params, body: b, now }) => {
		const d = state.mustGet('departments', params.id, DEPARTMENT_NOT_FOUND);
		assertAction(b.action);
		const wanted = new Map((b.items ?? []).map((it) => [mustGetAgentByUserId(state, it.userId).id, it]));
		for (const agent of state.agents.values()) {
			if (agent._deleted) continue;
			const it = wanted.get(agent.id);
			const member = agent.departments.some((m) => m.departmentId === d.id);
			if (it && b.action !== 'Remove') {
				agent.departments = applyMembership(agent.departments, 'Upsert', [membership(d.id, it)], (m) => m.departmentId);
			} else if ((it && b.action === 'Remove') || (!it && member && b.action === 'ReplaceAll')) {
				agent.departments = agent.departments.filter((m) => m.departmentId !== d.id);
			}
		}
		d.updatedAt = iso(now);
		return { action: b.action, items: (b.items ?? []).map((it) => ({ userId: it.userId, isAgent: it.isAgent ?? true, isSupervisor: it.isSupervisor ?? false })) };
	},
};

