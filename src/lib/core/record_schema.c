/* A run record's verdict: the one rule every runs.jsonl reader follows (record_schema.h). */
#include <string.h>

#include "record_schema.h"

static const char *const status_names[] = { "success", "failure", "error" };

record_verdict record_status_parse(const char *status)
{
	for (int v = RECORD_SUCCESS; v <= RECORD_ERROR; v++)
		if (status && !strcmp(status, status_names[v]))
			return (record_verdict)v;
	return RECORD_INVALID;
}

const char *record_status_name(record_verdict v)
{
	return v >= RECORD_SUCCESS && v <= RECORD_ERROR ? status_names[v] : NULL;
}

record_verdict record_verdict_of(json_t *rec, const char **why)
{
	json_t *st = json_object_get(rec, "status"), *sb;
	record_verdict v;

	if (st && !json_is_null(st)) {
		if ((v = record_status_parse(json_string_value(st))) == RECORD_INVALID && why)
			*why = "'status' must be \"success\", \"failure\" or \"error\"";
		return v;
	}
	/* METR's records have no status: the binarized score decides. */
	sb = json_object_get(rec, "score_binarized");
	if (json_is_boolean(sb))
		return json_is_true(sb) ? RECORD_SUCCESS : RECORD_FAILURE;
	if (json_is_number(sb) && (json_number_value(sb) == 0 || json_number_value(sb) == 1))
		return json_number_value(sb) == 1 ? RECORD_SUCCESS : RECORD_FAILURE;
	if (why)
		*why = sb ? "'score_binarized' must be 0 or 1 (the record has no 'status')"
			  : "'status' is missing and so is 'score_binarized'";
	return RECORD_INVALID;
}

static const char *const limit_names[RECORD_NLIMITS] = { "time_limit", "token_limit", "cost_limit", "turn_limit",
							 "context_limit" };

int record_limit_of(const char *exit_reason)
{
	for (int i = 0; exit_reason && i < RECORD_NLIMITS; i++)
		if (!strcmp(exit_reason, limit_names[i]))
			return i;
	return -1;
}

const char *record_limit_name(int i)
{
	return i >= 0 && i < RECORD_NLIMITS ? limit_names[i] : NULL;
}
