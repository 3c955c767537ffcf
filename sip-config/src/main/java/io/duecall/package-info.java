/** The Asterisk side of a deployment. */
package io.duecall;
