/* SHA-256 through OpenSSL's libcrypto (task fingerprints, run ids). */
#include <openssl/evp.h>
#include <stdio.h>

#include "fsutil.h"

void hz_sha256_hex(const void *data, size_t len, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;

	EVP_Digest(data, len, md, &n, EVP_sha256(), NULL);
	for (i = 0; i < n && i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
	out[64] = '\0';
}
