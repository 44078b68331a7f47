import { describe, expect, it } from 'vitest';

import { compareLabels, filterByLabel, foldText, matchesSearch, searchTerms } from '../../../../nodes/WtsChat/helpers/search';

describe('foldText', () => {
	it('drops case and accents (NFD + combining marks) and reads _ as a space', () => {
		expect(foldText('João Conceição')).toBe('joao conceicao');
		expect(foldText('ÁGUA  Pós-venda')).toBe('agua pos-venda');
		expect(foldText('atualização_pedido')).toBe('atualizacao pedido');
		// Precomposed and decomposed forms fold the same.
		expect(foldText('Jo\u00e3o')).toBe(foldText('Joa\u0303o'));
		expect(foldText('İstanbul')).toBe('istanbul');
		expect(foldText(2026113000119)).toBe('2026113000119');
		expect(foldText(undefined)).toBe('');
		expect(foldText({ name: 'x' })).toBe('');
	});

	it('splits a filter into folded words', () => {
		expect(searchTerms('  João   SANTOS ')).toEqual(['joao', 'santos']);
		expect(searchTerms('')).toEqual([]);
		expect(searchTerms(undefined)).toEqual([]);
	});
});

describe('matchesSearch', () => {
	const label = 'João Santos · in progress · #2026113000119 · (11) 99999-0002';

	it('matches the label whatever the case and accents, on both sides', () => {
		expect(matchesSearch('joao', label)).toBe(true);
		expect(matchesSearch('JOÃO', label)).toBe(true);
		expect(matchesSearch('joão santos', label)).toBe(true);
		expect(matchesSearch('Jôão', label)).toBe(true);
		expect(matchesSearch('maria', label)).toBe(false);
	});

	it('matches the #number and the status words as displayed', () => {
		expect(matchesSearch('#2026113000119', label)).toBe(true);
		expect(matchesSearch('2026113000119', label)).toBe(true);
		expect(matchesSearch('#20261130', label)).toBe(true);
		expect(matchesSearch('in progress', label)).toBe(true);
		expect(matchesSearch('#2026113000118', label)).toBe(false);
	});

	it('needs every word, in any order', () => {
		expect(matchesSearch('santos joao', label)).toBe(true);
		expect(matchesSearch('joao completed', label)).toBe(false);
	});

	it('matches a phone typed without the punctuation of the label', () => {
		expect(matchesSearch('11999990002', label)).toBe(true);
		expect(matchesSearch('99999-0002', label)).toBe(true);
		expect(matchesSearch('+55 11 99999-0002', label)).toBe(true);
		expect(matchesSearch('11999990003', label)).toBe(false);
		// Digits of different numbers in the label are not glued together.
		expect(matchesSearch('01192026', label)).toBe(false);
	});

	it('matches everything on an empty filter, nothing on texts that are not text', () => {
		expect(matchesSearch(undefined, label)).toBe(true);
		expect(matchesSearch('   ', label)).toBe(true);
		expect(matchesSearch('x', undefined, null, {})).toBe(false);
	});

	it('matches if any of several texts holds each word', () => {
		expect(matchesSearch('carla mendes', 'Carla Mendes', 'carla.mendes@lojaexemplo.example')).toBe(true);
		expect(matchesSearch('vendas carla', 'Vendas', 'Carla')).toBe(true);
	});
});

describe('labels sorting and filtering', () => {
	it('sorts Portuguese labels ignoring case and accents, numbers by value', () => {
		const names = ['Zeca', 'ágata', 'Álvaro', 'bruno', 'Canal 10', 'Canal 2'];
		expect([...names].sort(compareLabels)).toEqual(['ágata', 'Álvaro', 'bruno', 'Canal 2', 'Canal 10', 'Zeca']);
	});

	it('filters by the label and sorts', () => {
		const items = [
			{ name: 'Suporte', value: '1' },
			{ name: 'Atenção ao Cliente', value: '2' },
			{ name: 'Atendimento', value: '3' },
		];
		expect(filterByLabel(items, 'aten').map((i) => i.value)).toEqual(['2', '3']);
		expect(filterByLabel(items, 'ATENCAO').map((i) => i.value)).toEqual(['2']);
		expect(filterByLabel(items, undefined).map((i) => i.value)).toEqual(['2', '3', '1']);
	});
});
