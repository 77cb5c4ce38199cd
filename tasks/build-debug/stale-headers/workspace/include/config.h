#ifndef CONFIG_H
#define CONFIG_H
/* Maximum number of jobs kept in the queue; further jobs are rejected. */
#define QUEUE_CAPACITY 4
/* Prefix of every output line. */
#define LINE_PREFIX "job"
#endif
