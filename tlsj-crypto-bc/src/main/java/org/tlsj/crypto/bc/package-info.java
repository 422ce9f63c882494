/** A crypto provider whose elliptic-curve primitives run on Bouncy Castle's lightweight API. */
package org.tlsj.crypto.bc;
