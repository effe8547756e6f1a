/* The pngplot command (placeholder). */
#include "pngplot.h"

#include <stdio.h>

int main(void)
{
    printf("pngplot %s\n", PP_VERSION_STRING);
    return 0;
}
