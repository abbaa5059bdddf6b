/** Everything on the map in any month (for the key and the filters), computed once per dataset. */
export { mapUnionOf as unionOf } from '../../domain/derived-cache';
