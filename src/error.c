/* Status phrases, error messages and warnings. */
#include "pp_internal.h"

#include <stdio.h>

const char *pp_strerror(pp_status status)
{
    switch (status) {
    case PP_OK: return "success";
    case PP_ERR_NOMEM: return "out of memory";
    case PP_ERR_ARGUMENT: return "invalid argument";
    case PP_ERR_IO: return "input/output error";
    case PP_ERR_SPEC: return "invalid figure spec";
    case PP_ERR_CSV: return "malformed csv";
    case PP_ERR_DATA: return "data does not fit the spec";
    case PP_ERR_FONT: return "font error";
    case PP_ERR_PNG: return "png error";
    case PP_ERR_LIMIT: return "size limit exceeded";
    case PP_ERR_BACKEND: return "backend failed";
    }
    return "unknown status";
}

pp_status pp__fail(pp_error_t *err, pp_status status, const char *fmt, ...)
{
    va_list args;

    if (err == NULL)
        return status;
    err->status = status;
    va_start(args, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, args);
    va_end(args);
    return status;
}

pp_status pp__fail_status(pp_error_t *err, pp_status status)
{
    return pp__fail(err, status, "%s", pp_strerror(status));
}

void pp__warn(const pp__warnings *sink, const char *fmt, ...)
{
    char message[PP_ERROR_MESSAGE_SIZE];
    va_list args;

    if (sink == NULL || sink->fn == NULL)
        return;
    va_start(args, fmt);
    vsnprintf(message, sizeof message, fmt, args);
    va_end(args);
    sink->fn(sink->user, message);
}
