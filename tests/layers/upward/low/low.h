// A low layer reaching up: the check must refuse it.
#pragma once
#include "high/high.h"
