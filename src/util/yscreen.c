/*
 * A screen for YAML from files that may be hostile, run before libyaml builds
 * a document: libyaml 0.2.5 (Debian's) has no nesting limit, and 100,000
 * nested levels make yaml_parser_load run for minutes; aliases let a small
 * file expand without bound (billion laughs).  horizon's YAML files need
 * neither.
 */
#include <yaml.h>

#include "horizon/error.h"
#include "yscreen.h"

int hz_yaml_screen(const char *text, size_t len, const char *path, int max_depth)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	int depth = 0, rc = 0, done = 0;

	if (!yaml_parser_initialize(&parser))
		return hz_error_set(HZ_ENOMEM, "out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	while (!done && !rc) {
		if (!yaml_parser_parse(&parser, &ev)) {
			rc = hz_error_set(HZ_EINVALID, "%s:%lu: malformed YAML: %s", path,
					  (unsigned long)parser.problem_mark.line + 1,
					  parser.problem ? parser.problem : "?");
			break;
		}
		switch (ev.type) {
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++depth > max_depth)
				rc = hz_error_set(HZ_EINVALID, "%s:%lu: nesting deeper than %d levels", path,
						  (unsigned long)ev.start_mark.line + 1, max_depth);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_ALIAS_EVENT:
			rc = hz_error_set(HZ_EINVALID, "%s:%lu: YAML aliases (*name) are not allowed", path,
					  (unsigned long)ev.start_mark.line + 1);
			break;
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	return rc;
}
