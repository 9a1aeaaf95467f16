/** Requests one address may make in a minute: enough for a hall's terminals behind one NAT, not for a flood. */
export const requestsPerAddressPerMinute = 6000;
