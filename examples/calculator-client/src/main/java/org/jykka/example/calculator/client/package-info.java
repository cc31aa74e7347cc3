/** A Declarative Services consumer of the calculator service; a private package. */
package org.jykka.example.calculator.client;
