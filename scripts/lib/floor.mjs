/**
 * The least time n requests can take under sliding windows [{limit, windowMs}]: request k waits until it is at most
 * the limit-th of every window (the first request at 0 ms).
 */
export function floorMs(n, windows) {
	const times = [];
	for (let k = 0; k < n; k++) {
		let t = 0;
		for (const w of windows) if (k >= w.limit) t = Math.max(t, times[k - w.limit] + w.windowMs);
		times.push(t);
	}
	return n ? times[n - 1] : 0;
}
